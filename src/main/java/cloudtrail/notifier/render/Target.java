package cloudtrail.notifier.render;

/**
 * One resource an event acted on. Values are raw event text: the renderer makes them safe to show.
 * A FIELD target names its request parameter in {@code field}; a withheld one has no value.
 */
public record Target(ResourceKind kind, String field, String value, boolean withheld) {
    public static Target of(ResourceKind kind, String value) {
        return new Target(kind, null, value, false);
    }

    public static Target field(String path, String value) {
        return new Target(ResourceKind.FIELD, path, value, false);
    }

    public static Target withheldField(String path) {
        return new Target(ResourceKind.FIELD, path, null, true);
    }
}
