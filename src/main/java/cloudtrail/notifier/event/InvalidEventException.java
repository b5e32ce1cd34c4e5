package cloudtrail.notifier.event;

/** The input cannot be read as an event at all: it is not JSON, or not a JSON object. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
