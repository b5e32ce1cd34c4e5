package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/**
 * The catalog's pattern matcher gives event-ruler's answer (EventBridge's own engine) for every pattern
 * of the catalog on every record it could meet here: the samples, the risk cases and the 519 real
 * records of the corpus. A pattern event-ruler does not accept fails too: EventBridge would not either.
 */
class PatternConformanceIT {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "records.jsonl");

    @Test
    void theMatcherAgreesWithEventRulerOnEveryPatternAndRecord() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (Path sample : Fixtures.events()) {
            JsonNode event = CatalogFiles.MAPPER.readTree(Fixtures.read(sample));
            records.add(event.has("detail") ? event.get("detail") : event);
        }
        CatalogFiles.riskCases().forEach(c -> records.add(c.get("record")));
        assertTrue(Files.exists(CORPUS), CORPUS.toAbsolutePath() + " is missing: the integration tests need ../shared");
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(CatalogFiles.MAPPER.readTree(line));
            }
        }

        List<String> disagreements = new ArrayList<>();
        int comparisons = 0;
        int matches = 0;
        for (CatalogFiles.Located p : CatalogFiles.patterns()) {
            Machine machine = new Machine();
            machine.addRule("p", p.pattern().toString());
            EventPattern ours = EventPattern.compile(p.pattern());
            for (JsonNode record : records) {
                boolean theirs = machine.rulesForJSONEvent(record.toString()).contains("p");
                boolean mine = ours.matches(record);
                comparisons++;
                matches += theirs ? 1 : 0;
                if (theirs != mine) {
                    disagreements.add(p + " on " + record.path("eventName").asText() + " " + record.path("eventID").asText()
                            + ": event-ruler " + theirs + ", ours " + mine);
                }
            }
        }
        System.out.printf("pattern conformance: %d patterns x %d records = %d comparisons, %d matches, %d disagreements%n",
                CatalogFiles.patterns().size(), records.size(), comparisons, matches, disagreements.size());
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements.subList(0, Math.min(30, disagreements.size()))));
    }
}
