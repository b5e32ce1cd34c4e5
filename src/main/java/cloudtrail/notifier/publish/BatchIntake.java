package cloudtrail.notifier.publish;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.publish.BatchDelivery.Message;
import cloudtrail.notifier.publish.BatchDelivery.Rejected;
import cloudtrail.notifier.publish.BatchDelivery.Suppressed;
import cloudtrail.notifier.render.Rendered;
import cloudtrail.notifier.suppress.Suppressions;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.UserIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first half of a batch, shared by delivery and preview: each message read as an event, repeats
 * of an event folded into its first message, each event rendered once, expected activity set aside.
 */
final class BatchIntake {
    /** A distinct event of the batch and every message that carried it. */
    record Event(String key, NotifierEvent event, Rendered rendered, List<String> messageIds) {}

    record Result(List<Event> events, List<Suppressed> suppressed, List<Rejected> rejected, int duplicates, int distinct) {}

    /** How long a batch waits, at most, for names looked up for it (accounts, Identity Center users). */
    static final Duration LOOKUP_BUDGET = Duration.ofMillis(1500);

    private final Notifier notifier;
    private final Directory directory;

    BatchIntake(Notifier notifier) {
        this(notifier, Directory.NONE);
    }

    BatchIntake(Notifier notifier, Directory directory) {
        this.notifier = notifier;
        this.directory = directory;
    }

    /**
     * @param suppressions asked for only once the batch is read and its names are looked up: after a
     *     SnapStart restore the patterns are still being read (SSM) while the batch arrives, and the two
     *     waits then overlap instead of adding up
     */
    Result read(List<Message> messages, Supplier<Suppressions> suppressions) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Event> events = new LinkedHashMap<>();
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        int duplicates = 0;
        for (Message m : messages) {
            try {
                JsonNode tree = notifier.parser().readTree(m.body());
                NotifierEvent event = notifier.parser().parse(tree);
                String key = key(tree, m.body());
                Event seen = events.get(key);
                if (seen != null) {
                    seen.messageIds().add(m.id());
                    duplicates++;
                } else {
                    List<String> ids = new ArrayList<>();
                    ids.add(m.id());
                    events.put(key, new Event(key, event, null, ids));
                    trees.put(key, tree);
                }
            } catch (InvalidEventException e) {
                rejected.add(new Rejected(m.id(), e.getMessage(), m.body()));
            }
        }
        lookUpNames(events.values());
        Suppressions patterns = suppressions.get();
        List<Event> kept = new ArrayList<>(events.size());
        List<Suppressed> suppressed = new ArrayList<>();
        for (Event e : events.values()) {
            Rendered rendered = notifier.renderWithGist(e.event());
            var suppression = patterns.match(trees.get(e.key()), rendered.gist().severity());
            if (suppression.isPresent()) {
                suppressed.add(new Suppressed(suppression.get().name(), e.event().eventId(), e.event().eventName()));
            } else {
                kept.add(new Event(e.key(), e.event(), rendered, e.messageIds()));
            }
        }
        return new Result(kept, suppressed, rejected, duplicates, events.size());
    }

    /** Names for the accounts and Identity Center users of the batch, before anything is rendered. */
    private void lookUpNames(Collection<Event> events) {
        Set<String> accounts = new LinkedHashSet<>();
        Set<Directory.UserRef> users = new LinkedHashSet<>();
        for (Event e : events) {
            accounts.add(e.event().envelope().account());
            if (e.event() instanceof CloudTrailEvent ct) {
                accounts.add(ct.record().recipientAccountId());
                UserIdentity who = ct.record().userIdentity();
                accounts.add(who.accountId());
                users.add(Directory.UserRef.of(who.identityStoreArn(), who.onBehalfOfUserId()));
            }
        }
        accounts.remove(null);
        users.remove(null);
        directory.prefetch(accounts, users, LOOKUP_BUDGET);
    }

    /**
     * The event's own ID, which EventBridge's redelivery, SQS's and a retry all repeat: CloudTrail's eventID,
     * else EventBridge's id; else the bytes' digest. Read from the input as it came, not from the parsed
     * event, in which the redactor may have withheld a value that looked like a secret: two events must
     * never share a key because both IDs were withheld.
     */
    static String key(JsonNode tree, byte[] body) {
        JsonNode detail = tree.path("detail");
        for (JsonNode id : new JsonNode[] {detail.path("eventID"), tree.path("eventID"), tree.path("id")}) {
            if (id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        }
        return "sha256:" + sha256(body);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
