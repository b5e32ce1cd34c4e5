package cloudtrail.notifier.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based: corpus records with fields dropped, nulled, retyped, deeply nested, made huge, or
 * filled with lone surrogates, bidirectional controls, line breaks and invalid timestamps still give
 * sound notifications. A failure prints the seed, the smallest set of changes that still fails, and
 * the input. CI runs a bounded number of cases; {@code -Dfuzz.cases=100000} (and {@code -Dfuzz.seed=N})
 * runs more: {@code .ci/with-jdk mvn -B test -Dtest=MutatedRecordsIT -Dfuzz.cases=100000}.
 */
class MutatedRecordsIT {
    private static final long SEED = Long.getLong("fuzz.seed", 20261121L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 1_000);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** What EventBridge sends: JSON text, with anything outside ASCII (lone surrogates too) escaped. */
    private static final ObjectMapper WIRE = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                            .maxNestingDepth(10_000).build())
                    .build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final EventParser PARSER = new EventParser();
    private static final NotificationRenderer JA = new NotificationRenderer(TOKYO, Language.JA);
    private static final NotificationRenderer EN = new NotificationRenderer(NEW_YORK, Language.EN);

    @Test
    void mutatedRecordsStillRenderSoundly() {
        List<JsonNode> records = Corpus.records();
        Random cases = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            long caseSeed = cases.nextLong();
            Random random = new Random(caseSeed);
            JsonNode record = records.get(random.nextInt(records.size()));
            List<Mutation> mutations = Mutation.generate(record, random);
            List<String> problems = problems(record, mutations);
            if (!problems.isEmpty()) {
                List<Mutation> smallest = shrink(record, mutations);
                fail("case " + i + " (seed " + SEED + ", case seed " + caseSeed + ") failed: " + problems(record, smallest)
                        + "\nsmallest failing changes: " + smallest
                        + "\ninput: " + abbreviate(wire(mutated(record, smallest))));
            }
        }
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsRejectedWithAReason() {
        StringBuilder deep = new StringBuilder("{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.x\",\"detail\":{\"eventName\":\"X\",\"eventSource\":\"x.amazonaws.com\",\"requestParameters\":");
        deep.append("[".repeat(5_000)).append("]".repeat(5_000)).append("}}");

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> PARSER.parse(deep.toString()));

        assertTrue(e.getMessage().startsWith("not JSON: Document nesting depth"), e.getMessage());
    }

    @Test
    void theGeneratorIsDeterministicForASeed() {
        JsonNode record = Corpus.records().get(0);
        assertEquals(Mutation.generate(record, new Random(7)), Mutation.generate(record, new Random(7)));
    }

    private static List<String> problems(JsonNode record, List<Mutation> mutations) {
        ObjectNode changed = mutated(record, mutations);
        List<String> problems = new ArrayList<>();
        byte[] wire;
        try {
            wire = WIRE.writeValueAsBytes(Corpus.wrap(changed));
        } catch (Exception e) {
            throw new IllegalStateException("the test could not write its own input: " + e, e);
        }
        for (NotificationRenderer renderer : List.of(JA, EN)) {
            try {
                Notification n = renderer.render(PARSER.parse(wire));
                ZoneId zone = renderer == JA ? TOKYO : NEW_YORK;
                Invariants.check(n, changed, renderer.language(), zone).forEach(p -> problems.add(renderer.language() + ": " + p));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(renderer.language() + ": threw " + e);
            }
        }
        return problems;
    }

    /** Drops changes one at a time while the case still fails: what is left is needed to fail. */
    private static List<Mutation> shrink(JsonNode record, List<Mutation> mutations) {
        List<Mutation> current = new ArrayList<>(mutations);
        boolean progress = true;
        while (progress && current.size() > 1) {
            progress = false;
            for (int i = 0; i < current.size(); i++) {
                List<Mutation> fewer = new ArrayList<>(current);
                fewer.remove(i);
                if (!problems(record, fewer).isEmpty()) {
                    current = fewer;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static ObjectNode mutated(JsonNode record, List<Mutation> mutations) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        mutations.forEach(m -> m.apply(copy));
        return copy;
    }

    private static String wire(JsonNode node) {
        try {
            return WIRE.writeValueAsString(node);
        } catch (Exception e) {
            return "(unprintable: " + e + ")";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3_000 ? s : s.substring(0, 3_000) + "… (" + s.length() + " characters)";
    }

    static {
        WIRE.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
