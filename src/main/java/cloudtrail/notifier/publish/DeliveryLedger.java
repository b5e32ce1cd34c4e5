package cloudtrail.notifier.publish;

import java.time.Instant;

/**
 * Which events have been published, by event ID, so that an event delivered again (EventBridge
 * delivers at least once, SQS redelivers a batch, a failed batch is retried) is not published again.
 *
 * <p>An event is claimed before its notification is published and marked published only after SNS
 * accepted it; a publish that fails releases the claim, so the retry publishes it. A claim that nobody
 * released (the function timed out or crashed) lapses at its lease's end.
 */
public interface DeliveryLedger {
    /** The answer to a claim. */
    sealed interface Claim {
        /** Nobody published it or holds it: this caller may publish, then must call published or release. */
        record Granted() implements Claim {}

        /** Published before, as this SNS message. */
        record AlreadyPublished(String messageId) implements Claim {}

        /** Another invocation is publishing it now; ask again after the lease. */
        record Held(Instant until) implements Claim {}
    }

    /** @param leaseUntil when the claim lapses if it is neither marked published nor released */
    Claim claim(String eventId, Instant leaseUntil);

    /** SNS accepted the notification that carried this event. */
    void published(String eventId, String messageId);

    /** The publish failed: the next delivery of this event may claim it. */
    void release(String eventId);

    /** Loads everything a claim needs without sending anything (SnapStart). */
    default void prime() {}
}
