package cloudtrail.notifier.publish;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.digest.DigestPlan;
import cloudtrail.notifier.digest.DigestPlan.Item;
import cloudtrail.notifier.digest.DigestPlan.Outgoing;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.config.RefreshedSetting;
import cloudtrail.notifier.suppress.SuppressionSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import cloudtrail.notifier.publish.BatchIntake.Event;
import java.util.function.Supplier;

/**
 * A batch of events to notifications on the topic, each event at most once: events seen before (in
 * this batch, or published by an earlier delivery) are dropped, expected activity is suppressed, a burst
 * by one actor becomes a digest, and publishes are paced. What could not be published is reported by
 * message, so that only those messages are delivered again.
 */
public final class BatchDelivery {
    /** Stop publishing when less than this is left: one publish with its retries, and the ledger's writes. */
    static final Duration RESERVE = Duration.ofSeconds(25);
    /** How long a claim lasts when the caller has no deadline (the command line). */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

    /** One message of the batch: its ID (the SQS messageId) and the event it carries. */
    public record Message(String id, byte[] body) {}

    /** An event suppressed by a pattern. */
    public record Suppressed(String pattern, String eventId, String eventName) {}

    /** A notification SNS accepted. */
    public record Sent(String messageId, String subject, String severity, List<String> eventIds, List<String> eventNames) {}

    /** A message that was not an event. */
    public record Rejected(String messageId, String reason, byte[] body) {}

    /** An event that was not published now and will be delivered again. */
    public record Failed(String eventId, List<String> messageIds, String reason) {}

    /**
     * @param failedMessageIds the messages to deliver again: rejected, failed, held by another invocation, or
     *     left for lack of time
     * @param duplicates messages that repeat an event earlier in the same batch
     * @param alreadyPublished events the ledger says were published before
     */
    public record Report(int messages, int events, List<Sent> sent, List<Suppressed> suppressed, int duplicates,
            int alreadyPublished, List<Failed> failed, List<Rejected> rejected, List<String> failedMessageIds,
            RefreshedSetting.Problem suppressionProblem) {}

    private final BatchIntake intake;
    private final SuppressionSource suppressions;
    private final DigestRenderer digests;
    private final DigestSettings settings;
    private final Supplier<? extends DeliveryLedger> ledger;
    private final Supplier<SnsPublisher> publisher;
    private final Pacer pacer;

    public BatchDelivery(Notifier notifier, DigestRenderer digests, DigestSettings settings, SuppressionSource suppressions,
            Supplier<? extends DeliveryLedger> ledger, Supplier<SnsPublisher> publisher, Pacer pacer) {
        this(notifier, digests, settings, suppressions, ledger, publisher, pacer, cloudtrail.notifier.directory.Directory.NONE);
    }

    /** @param directory looks up names for a batch's accounts and Identity Center users before it is rendered */
    public BatchDelivery(Notifier notifier, DigestRenderer digests, DigestSettings settings, SuppressionSource suppressions,
            Supplier<? extends DeliveryLedger> ledger, Supplier<SnsPublisher> publisher, Pacer pacer,
            cloudtrail.notifier.directory.Directory directory) {
        this.intake = new BatchIntake(notifier, directory);
        this.suppressions = suppressions;
        this.digests = digests;
        this.settings = settings;
        this.ledger = ledger;
        this.publisher = publisher;
        this.pacer = pacer;
    }

    /**
     * @param remainingMillis how long the invocation has left (Lambda's context), or a large number
     * @throws InterruptedException when the thread is interrupted while pacing
     */
    public Report deliver(List<Message> messages, LongSupplier remainingMillis) throws InterruptedException {
        BatchIntake.Result read = intake.read(messages, suppressions::current);
        List<Failed> failed = new ArrayList<>();
        List<Item<Event>> toPublish = new ArrayList<>();
        int alreadyPublished = 0;
        Instant leaseUntil = Instant.now().plusMillis(Math.min(remainingMillis.getAsLong(), DEFAULT_LEASE.toMillis()))
                .plusSeconds(30);
        for (Event e : read.events()) {
            DeliveryLedger.Claim claim;
            try {
                claim = ledger.get().claim(e.key(), leaseUntil);
            } catch (PublishException ex) {
                failed.add(new Failed(e.key(), e.messageIds(), ex.getMessage()));
                continue;
            }
            switch (claim) {
                case DeliveryLedger.Claim.Granted g -> toPublish.add(new Item<>(e.rendered(), e));
                case DeliveryLedger.Claim.AlreadyPublished p -> alreadyPublished++;
                case DeliveryLedger.Claim.Held h -> failed.add(new Failed(e.key(), e.messageIds(),
                        "another invocation is publishing it (its claim lasts until " + h.until() + ")"));
            }
        }

        List<Sent> sent = new ArrayList<>();
        for (Outgoing<Event> out : DigestPlan.plan(toPublish, settings)) {
            List<Event> held = out.items().stream().map(Item::payload).toList();
            if (remainingMillis.getAsLong() < RESERVE.toMillis()) {
                fail(held, failed, "not enough time left in this invocation to publish; delivered again later");
                continue;
            }
            Notification notification = switch (out) {
                case Outgoing.Single<Event> single -> single.item().rendered().notification();
                case Outgoing.Digest<Event> digest -> digests.render(digest.items().stream().map(Item::rendered).toList(),
                        digest.part(), digest.parts());
            };
            pacer.await();
            String messageId;
            try {
                messageId = publisher.get().publish(notification, held.get(0).key());
            } catch (PublishException ex) {
                fail(held, failed, ex.getMessage());
                continue;
            }
            for (Event e : held) {
                try {
                    ledger.get().published(e.key(), messageId);
                } catch (PublishException ex) {
                    // the mail went out: delivering the event again would send it twice; the claim lapses
                }
            }
            sent.add(new Sent(messageId, notification.subject(), notification.messageAttributes().get("severity"),
                    held.stream().map(e -> e.event().eventId()).toList(),
                    held.stream().map(e -> String.valueOf(e.event().eventName())).toList()));
        }

        List<String> failedIds = new ArrayList<>();
        read.rejected().forEach(r -> failedIds.add(r.messageId()));
        failed.forEach(f -> failedIds.addAll(f.messageIds()));
        return new Report(messages.size(), read.distinct(), sent, read.suppressed(), read.duplicates(), alreadyPublished, failed,
                read.rejected(), failedIds, suppressions.problem());
    }

    private void fail(List<Event> held, List<Failed> failed, String reason) {
        for (Event e : held) {
            try {
                ledger.get().release(e.key());
            } catch (PublishException ex) {
                // the claim lapses at the end of its lease, and the retry takes it then
            }
            failed.add(new Failed(e.key(), e.messageIds(), reason));
        }
    }
}
