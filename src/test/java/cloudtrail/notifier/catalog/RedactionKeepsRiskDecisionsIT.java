package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.NotifierEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RedactionKeepsRiskDecisionsTest} over the real records of the corpus (../shared). */
class RedactionKeepsRiskDecisionsIT {
    private static final Path RECORDS = Path.of("..", "shared", "corpus", "records.jsonl");

    @Test
    void everyCorpusRecordIsRankedAsItWouldBeWithoutRedaction() throws IOException {
        if (!Files.exists(RECORDS)) {
            fail(RECORDS.toAbsolutePath().normalize() + " is missing: the integration tests run with shared/ beside the checkout");
        }
        ObjectMapper mapper = new ObjectMapper();
        EventParser parser = new EventParser();
        List<String> differences = new ArrayList<>();
        int records = 0;
        int redacted = 0;
        for (String line : Files.readAllLines(RECORDS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode raw = mapper.readTree(line);
            NotifierEvent parsed = parser.parse(raw);
            if (parsed instanceof CloudTrailEvent e) {
                records++;
                redacted += RedactionKeepsRiskDecisionsTest.compare(raw.path("eventName").asText() + " " + raw.path("eventID").asText(),
                        e.record(), raw, differences);
            }
        }
        System.out.println("RedactionKeepsRiskDecisionsIT: " + records + " corpus records, " + redacted
                + " with something withheld, " + differences.size() + " ranked differently");
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(records > 100, "read " + records + " records");
    }
}
