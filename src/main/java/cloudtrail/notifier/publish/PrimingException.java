package cloudtrail.notifier.publish;

/** A publish rehearsed before the SnapStart snapshot failed: a version that could not publish either. */
public final class PrimingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrimingException(String message, Throwable cause) {
        super(message, cause);
    }
}
