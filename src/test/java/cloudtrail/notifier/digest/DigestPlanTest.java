package cloudtrail.notifier.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.digest.DigestPlan.Item;
import cloudtrail.notifier.digest.DigestPlan.Outgoing;
import cloudtrail.notifier.testing.Burst;
import cloudtrail.notifier.testing.Burst.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Which events of a batch become a digest, and which go one by one. */
class DigestPlanTest {
    private static final Notifier NOTIFIER = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.JA));
    private static final DigestSettings ON = new DigestSettings(true, 5);

    private static Item<String> item(String event) {
        return new Item<>(NOTIFIER.renderWithGist(NOTIFIER.parser().parse(event.getBytes(StandardCharsets.UTF_8))), event);
    }

    private static List<Item<String>> events(Burst burst, String sample, Actor actor, int n) throws IOException {
        List<Item<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item(burst.event(sample, actor)));
        }
        return out;
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("5 events: at the threshold, one by one", 5, 5, 0),
                Arguments.of("6 events: above it, one digest", 6, 0, 1),
                Arguments.of("100 events: one digest", 100, 0, 1),
                Arguments.of("101 events: two digests, none too long to list every event", 101, 0, 2),
                Arguments.of("250 events: three digests", 250, 0, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aGroupLargerThanTheThresholdBecomesDigests(String name, int events, int singles, int digests) throws IOException {
        List<Outgoing<String>> plan = DigestPlan.plan(events(new Burst(1), "ec2-create-vpc.json", Actor.TERRAFORM, events), ON);

        assertEquals(singles, plan.stream().filter(o -> o instanceof Outgoing.Single).count());
        assertEquals(digests, plan.stream().filter(o -> o instanceof Outgoing.Digest).count());
        assertEquals(events, plan.stream().mapToInt(o -> o.items().size()).sum(), "every event in exactly one notification");
        for (Outgoing<String> o : plan) {
            if (o instanceof Outgoing.Digest<String> d) {
                assertTrue(d.items().size() <= DigestPlan.MAX_PER_DIGEST);
                assertEquals(digests, d.parts());
            }
        }
    }

    @Test
    void actorsToolsAndAccountsAreGroupedApart() throws IOException {
        Burst burst = new Burst(2);
        List<Item<String>> batch = new ArrayList<>();
        batch.addAll(events(burst, "ec2-create-vpc.json", Actor.TERRAFORM, 8));
        batch.addAll(events(burst, "ec2-create-vpc.json", Actor.CLOUDFORMATION, 7));
        batch.addAll(events(burst, "ec2-create-vpc.json", Actor.CONSOLE, 3));

        List<Outgoing<String>> plan = DigestPlan.plan(batch, ON);

        assertEquals(2, plan.stream().filter(o -> o instanceof Outgoing.Digest).count());
        assertEquals(3, plan.stream().filter(o -> o instanceof Outgoing.Single).count());
        Set<String> seen = new HashSet<>();
        plan.forEach(o -> o.items().forEach(i -> assertTrue(seen.add(i.payload()), "twice: " + i.payload())));
        assertEquals(18, seen.size());
    }

    @Test
    void withGroupingOffEveryEventGoesAlone() throws IOException {
        List<Outgoing<String>> plan = DigestPlan.plan(events(new Burst(3), "ec2-create-vpc.json", Actor.TERRAFORM, 20),
                DigestSettings.OFF);

        assertEquals(20, plan.size());
        plan.forEach(o -> assertInstanceOf(Outgoing.Single.class, o));
    }

    @Test
    void theMostSevereGoFirst() throws IOException {
        Burst burst = new Burst(4);
        List<Item<String>> batch = new ArrayList<>();
        batch.add(item(burst.event("ec2-create-vpc.json", Actor.session("a"))));
        batch.add(item(burst.event("s3-list-buckets.json", Actor.session("b"))));
        batch.add(item(burst.event("cloudtrail-stop-logging.json", Actor.session("c"))));

        List<Outgoing<String>> plan = DigestPlan.plan(batch, ON);

        assertEquals(List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO),
                plan.stream().map(o -> o.items().get(0).rendered().gist().severity()).toList());
    }
}
