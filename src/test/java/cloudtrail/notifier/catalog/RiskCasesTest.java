package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.render.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog's risk rules against the table of cases (risk-cases/*.jsonl): each case is a real-shaped
 * CloudTrail record and the reason and severity a reader should see. For every reason a rule derives
 * from the request there is a case it flags and a benign case of the same call it does not.
 */
class RiskCasesTest {
    private static final Assessor ASSESSOR = new Assessor(CatalogFiles.CATALOG);
    private static final EventParser PARSER = new EventParser();

    static Stream<Arguments> cases() {
        return CatalogFiles.riskCases().stream().map(c -> Arguments.of(c.path("case").asText() + " [" + c.path("file").asText() + "]", c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCaseGetsItsReasonAndSeverity(String name, JsonNode c) {
        Assessor.Assessment a = assess(c.get("record"));

        assertEquals(c.path("reason").asText(), a.reason().id(), name);
        assertEquals(c.path("severity").asText(), a.severity().attributeValue(), name);
    }

    @Test
    void everyReasonTheRequestDecidesHasAFlaggedAndABenignCaseOfTheSameCall() {
        // reasons used by rules with a pattern or a check, by the calls they are written for
        Map<String, Set<String>> callsByReason = new HashMap<>();
        for (var file : CatalogFiles.serviceFiles()) {
            JsonNode root = CatalogFiles.read(file);
            root.path("events").properties().forEach(e -> {
                for (JsonNode r : e.getValue().path("risks")) {
                    if (r.has("pattern") || r.has("check")) {
                        callsByReason.computeIfAbsent(r.path("reason").asText(), k -> new TreeSet<>())
                                .add(root.path("eventSource").asText() + " " + e.getKey());
                    }
                }
            });
        }
        Map<String, Set<String>> flagged = new HashMap<>();
        Map<String, Set<String>> seenCalls = new HashMap<>();
        for (JsonNode c : CatalogFiles.riskCases()) {
            String call = c.path("record").path("eventSource").asText() + " " + c.path("record").path("eventName").asText();
            flagged.computeIfAbsent(c.path("reason").asText(), k -> new HashSet<>()).add(call);
            seenCalls.computeIfAbsent(call, k -> new HashSet<>()).add(c.path("reason").asText());
        }
        List<String> missing = new ArrayList<>();
        callsByReason.forEach((reason, calls) -> {
            Set<String> flaggedCalls = flagged.getOrDefault(reason, Set.of());
            boolean hasPair = flaggedCalls.stream().anyMatch(call -> seenCalls.get(call).stream().anyMatch(r -> !r.equals(reason)));
            if (!hasPair) {
                missing.add(reason + " (rules on " + calls + "): no flagged case with a benign case of the same call");
            }
        });
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    static Assessor.Assessment assess(JsonNode record) {
        CloudTrailEvent e = (CloudTrailEvent) PARSER.parse(record.toString().getBytes(StandardCharsets.UTF_8));
        return ASSESSOR.assess(e.record(), Outcome.of(e.record()).failed());
    }
}
