package cloudtrail.notifier.doctor;

/**
 * The stack (or one of its outputs) a check needs is not there to read. It carries the line the check
 * prints instead of its own, so that every check depending on the stack says the same.
 */
final class StackUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String advice;

    StackUnavailable(String message, String advice) {
        super(message, null, false, false);
        this.advice = advice;
    }

    String advice() {
        return advice;
    }
}
