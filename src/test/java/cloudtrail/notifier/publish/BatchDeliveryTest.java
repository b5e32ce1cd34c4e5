package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.suppress.SuppressionSource;
import cloudtrail.notifier.suppress.Suppressions;
import cloudtrail.notifier.testing.Burst;
import cloudtrail.notifier.testing.Burst.Actor;
import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.SnsStandIn;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch from the queue: each event published once at most, what could not be published reported by
 * its message and published by the next delivery, nothing lost. SNS is {@link SnsStandIn} (or a faulty
 * endpoint); the ledger a map that can be told to refuse.
 */
class BatchDeliveryTest {
    private static final String TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:notifications";
    private static final Notifier NOTIFIER = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.JA));

    /** The ledger's answers, kept in memory; it can be made to fail or to say another invocation holds an event. */
    static final class MapLedger implements DeliveryLedger {
        final Map<String, String> state = new HashMap<>();
        boolean down;
        String heldElsewhere;

        @Override
        public Claim claim(String eventId, Instant leaseUntil) {
            if (down) {
                throw new PublishException("event " + eventId + ": the ledger is unreachable", null);
            }
            if (eventId.equals(heldElsewhere)) {
                return new Claim.Held(leaseUntil);
            }
            String s = state.get(eventId);
            if (s != null && s.startsWith("published:")) {
                return new Claim.AlreadyPublished(s.substring("published:".length()));
            }
            state.put(eventId, "pending");
            return new Claim.Granted();
        }

        @Override
        public void published(String eventId, String messageId) {
            state.put(eventId, "published:" + messageId);
        }

        @Override
        public void release(String eventId) {
            state.remove(eventId, "pending");
        }
    }

    private final MapLedger ledger = new MapLedger();
    private SnsStandIn sns;

    @BeforeEach
    void startSns() throws Exception {
        sns = new SnsStandIn();
    }

    @AfterEach
    void stop() {
        sns.close();
    }

    private BatchDelivery delivery(java.net.URI endpoint, String suppressions) {
        SnsClient client = SnsClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        SnsPublisher publisher = new SnsPublisher(client, TOPIC);
        return new BatchDelivery(NOTIFIER, new DigestRenderer(NOTIFIER.renderer()), new DigestSettings(true, 5),
                SuppressionSource.fixed(Suppressions.fromEnvironment(Map.of(Suppressions.SUPPRESSION_PATTERNS, suppressions),
                        new JsonTrees())), () -> ledger,
                () -> publisher, new Pacer(10, Pacer.Time.SYSTEM));
    }

    private static List<BatchDelivery.Message> messages(List<String> events) {
        List<BatchDelivery.Message> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.add(new BatchDelivery.Message("m" + i, events.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<String> people(Burst burst, int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(burst.event("ec2-create-vpc.json", Actor.session("person-" + i)));
        }
        return out;
    }

    @Test
    void anEventTwiceInTheBatchIsPublishedOnceAndNeitherMessageFails() throws Exception {
        List<String> events = people(new Burst(31), 2);
        events.add(events.get(0));

        BatchDelivery.Report report = delivery(sns.endpoint(), "[]").deliver(messages(events), () -> 100_000);

        assertEquals(2, sns.accepted().size());
        assertEquals(1, report.duplicates());
        assertEquals(List.of(), report.failedMessageIds());
    }

    @Test
    void anEventTheLedgerKnowsIsNotPublishedAgain() throws Exception {
        List<String> events = people(new Burst(32), 3);
        BatchDelivery delivery = delivery(sns.endpoint(), "[]");
        delivery.deliver(messages(events), () -> 100_000);

        BatchDelivery.Report again = delivery.deliver(messages(events), () -> 100_000);

        assertEquals(3, sns.accepted().size(), "nothing more");
        assertEquals(3, again.alreadyPublished());
        assertEquals(List.of(), again.failedMessageIds());
    }

    @Test
    void anEventAnotherInvocationHoldsIsReportedForLaterNotPublished() throws Exception {
        List<String> events = people(new Burst(33), 3);
        ledger.heldElsewhere = Burst.eventId(events.get(1));

        BatchDelivery.Report report = delivery(sns.endpoint(), "[]").deliver(messages(events), () -> 100_000);

        assertEquals(List.of("m1"), report.failedMessageIds());
        assertEquals(2, sns.accepted().size());
    }

    @Test
    void whenTheLedgerIsDownNothingIsPublishedAndEveryMessageComesBack() throws Exception {
        ledger.down = true;

        BatchDelivery.Report report = delivery(sns.endpoint(), "[]").deliver(messages(people(new Burst(34), 3)), () -> 100_000);

        assertEquals(List.of("m0", "m1", "m2"), report.failedMessageIds());
        assertEquals(0, sns.accepted().size());
    }

    @Test
    void aFailedPublishReleasesItsEventsSoTheNextDeliveryPublishesThem() throws Exception {
        List<String> events = people(new Burst(35), 2);
        try (FaultyEndpoint down = FaultyEndpoint.internalError()) {
            BatchDelivery.Report report = delivery(down.endpoint(), "[]").deliver(messages(events), () -> 100_000);

            assertEquals(List.of("m0", "m1"), report.failedMessageIds().stream().sorted().toList());
        }
        BatchDelivery.Report retry = delivery(sns.endpoint(), "[]").deliver(messages(events), () -> 100_000);

        assertEquals(List.of(), retry.failedMessageIds());
        assertEquals(2, sns.accepted().size());
    }

    @Test
    void withTooLittleTimeLeftTheRestIsLeftForTheNextDelivery() throws Exception {
        List<String> events = people(new Burst(36), 3);

        BatchDelivery.Report report = delivery(sns.endpoint(), "[]").deliver(messages(events), () -> 20_000);

        assertEquals(3, report.failedMessageIds().size());
        assertEquals(0, sns.accepted().size());
        assertTrue(ledger.state.isEmpty(), "claims released: " + ledger.state);
    }

    @Test
    void aMessageThatIsNotAnEventFailsAloneAndTheOthersArePublished() throws Exception {
        List<String> events = people(new Burst(37), 2);
        events.add(1, "not json");

        BatchDelivery.Report report = delivery(sns.endpoint(), "[]").deliver(messages(events), () -> 100_000);

        assertEquals(List.of("m1"), report.failedMessageIds());
        assertEquals(2, sns.accepted().size());
    }

    @Test
    void suppressedEventsAreCountedNotPublished() throws Exception {
        List<String> events = people(new Burst(38), 3);
        events.add(new Burst(39).event("cloudtrail-stop-logging.json", Actor.session("ci")));
        String ci = "[{\"name\": \"ci\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\", \"StopLogging\"]}}}]";

        BatchDelivery.Report report = delivery(sns.endpoint(), ci).deliver(messages(events), () -> 100_000);

        assertEquals(3, report.suppressed().size());
        assertEquals(1, sns.accepted().size(), "the critical StopLogging is not suppressed without includeCritical");
        assertTrue(sns.accepted().get(0).subject().startsWith("【重大】"), sns.accepted().get(0).subject());
    }
}
