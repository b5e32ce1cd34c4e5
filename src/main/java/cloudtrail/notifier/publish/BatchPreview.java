package cloudtrail.notifier.publish;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.digest.DigestPlan;
import cloudtrail.notifier.digest.DigestPlan.Item;
import cloudtrail.notifier.digest.DigestPlan.Outgoing;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.publish.BatchDelivery.Message;
import cloudtrail.notifier.publish.BatchDelivery.Rejected;
import cloudtrail.notifier.publish.BatchDelivery.Suppressed;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.render.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * What one batch would publish, in the order it would go, with nothing published and no ledger:
 * `--digest` on the command line and `sam local invoke` with an SQS batch.
 */
public final class BatchPreview {
    /**
     * @param eventIds per notification, the events it carries
     * @param messageIds per notification, the messages (files, on the command line) that carried its events
     */
    public record Result(List<Notification> notifications, List<List<String>> eventIds, List<List<String>> messageIds,
            List<Suppressed> suppressed,
            List<Rejected> rejected, int duplicates) {
        public List<String> rejectedMessageIds() {
            return rejected.stream().map(Rejected::messageId).toList();
        }
    }

    private final BatchIntake intake;
    private final cloudtrail.notifier.suppress.Suppressions suppressions;
    private final DigestRenderer digests;
    private final DigestSettings settings;

    public BatchPreview(Notifier notifier, DigestRenderer digests, DigestSettings settings,
            cloudtrail.notifier.suppress.Suppressions suppressions) {
        this.intake = new BatchIntake(notifier);
        this.suppressions = suppressions;
        this.digests = digests;
        this.settings = settings;
    }

    public Result preview(List<Message> messages) {
        BatchIntake.Result read = intake.read(messages, () -> suppressions);
        List<Item<BatchIntake.Event>> items = read.events().stream().map(e -> new Item<>(e.rendered(), e)).toList();
        List<Notification> notifications = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        List<List<String>> messageIds = new ArrayList<>();
        for (Outgoing<BatchIntake.Event> out : DigestPlan.plan(new ArrayList<>(items), settings)) {
            notifications.add(switch (out) {
                case Outgoing.Single<BatchIntake.Event> single -> single.item().rendered().notification();
                case Outgoing.Digest<BatchIntake.Event> digest -> digests.render(
                        digest.items().stream().map(Item::rendered).toList(), digest.part(), digest.parts());
            });
            ids.add(out.items().stream().map(i -> i.payload().event().eventId()).toList());
            messageIds.add(out.items().stream().flatMap(i -> i.payload().messageIds().stream()).toList());
        }
        return new Result(notifications, ids, messageIds, read.suppressed(), read.rejected(), read.duplicates());
    }
}
