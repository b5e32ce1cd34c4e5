package cloudtrail.notifier.publish;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.event.NotifierEvent;

/** From event JSON to a message on the topic: the path the handler and `--publish` share. */
public final class EventPublisher {
    /** What was delivered, for the log line. */
    public record Delivery(String eventId, String eventName, String messageId) {}

    private final Notifier notifier;
    private final SnsPublisher publisher;

    public EventPublisher(Notifier notifier, SnsPublisher publisher) {
        this.notifier = notifier;
        this.publisher = publisher;
    }

    /**
     * @throws cloudtrail.notifier.event.InvalidEventException when the input is not a JSON object
     * @throws PublishException when SNS did not take the message after the retries
     */
    public Delivery deliver(byte[] json) {
        NotifierEvent event = notifier.parser().parse(json);
        String messageId = publisher.publish(notifier.render(event), event.eventId());
        return new Delivery(event.eventId(), event.eventName(), messageId);
    }
}
