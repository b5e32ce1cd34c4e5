package cloudtrail.notifier.event;

/**
 * The input cannot be read as one event: it is not JSON, not a JSON object, not well-formed UTF-8, or
 * an object that holds a key twice. The message says which, and where.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
