package cloudtrail.notifier.publish;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.render.Notification;
import java.util.function.Supplier;

/** From event JSON to a message on the topic: the path the handler and `--publish` share. */
public final class EventPublisher {
    /** What was delivered, for the log line. */
    public record Delivery(String eventId, String eventName, String messageId) {}

    private final Notifier notifier;
    private final Supplier<SnsPublisher> publisher;

    /** @param publisher the publisher, possibly still being built in the background */
    public EventPublisher(Notifier notifier, Supplier<SnsPublisher> publisher) {
        this.notifier = notifier;
        this.publisher = publisher;
    }

    /**
     * Starts building and priming the SNS client on background threads, so that the caller can set
     * up rendering meanwhile; the first delivery waits for it.
     */
    public static Prepared<SnsPublisher> startPublisher(PublisherConfig config) {
        return startPublisher(config, new RenewableCredentials());
    }

    /** @param credentials shared with the caller's other clients */
    public static Prepared<SnsPublisher> startPublisher(PublisherConfig config, RenewableCredentials credentials) {
        JdkWarmup.start();
        return Prepared.inBackground("sns-client", () -> {
            SnsPublisher sns = SnsPublisher.create(config, credentials);
            try {
                sns.prime();
            } catch (PrimingException e) {
                // only a head start: a publish that cannot work fails, with its own reason, when it is tried
            }
            return sns;
        });
    }

    /**
     * @throws cloudtrail.notifier.event.InvalidEventException when the input is not a JSON object
     * @throws PublishException when SNS did not take the message after the retries
     */
    public Delivery deliver(byte[] json) {
        NotifierEvent event = notifier.parser().parse(json);
        Notification notification = notifier.render(event);
        String messageId = publisher.get().publish(notification, event.eventId());
        return new Delivery(event.eventId(), event.eventName(), messageId);
    }

    /**
     * {@link #deliver} without sending: the event is read and rendered, and a publish request is built,
     * signed with the caller's credentials and answered in this process (as {@link SnsPublisher#prime}).
     * For a dry run of the command line, for training a JDK ahead-of-time cache on the path a real publish
     * takes, and for SnapStart's priming.
     *
     * @return the subject the notification would have
     * @throws PrimingException when the request could not be made (no credentials, say)
     */
    public String rehearse(byte[] json) {
        Notification notification = notifier.render(notifier.parser().parse(json));
        publisher.get().prime();
        return notification.subject();
    }
}
