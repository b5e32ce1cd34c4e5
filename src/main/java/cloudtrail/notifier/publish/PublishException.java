package cloudtrail.notifier.publish;

/** A notification could not be delivered to SNS after the SDK's retries. The message names the event. */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
