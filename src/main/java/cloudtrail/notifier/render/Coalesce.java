package cloudtrail.notifier.render;

/** The first value that is there: events name the same thing under different fields. */
final class Coalesce {
    private Coalesce() {}

    @SafeVarargs
    static <T> T first(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
