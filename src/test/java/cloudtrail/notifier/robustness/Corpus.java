package cloudtrail.notifier.robustness;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 519 real CloudTrail records in ../shared/corpus/records.jsonl (published by AWS documentation,
 * Stratus Red Team, Panther and others), each wrapped as EventBridge delivers it.
 */
final class Corpus {
    static final Path RECORDS = Path.of("..", "shared", "corpus", "records.jsonl");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Corpus() {}

    static List<JsonNode> records() {
        if (!Files.exists(RECORDS)) {
            fail(RECORDS.toAbsolutePath().normalize() + " is missing: the integration tests (-Pintegration)"
                    + " run in a checkout with shared/ beside it");
        }
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(RECORDS, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(MAPPER.readTree(line));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EventBridge event for a record: its envelope derived as EventBridge derives it. */
    static ObjectNode wrap(JsonNode record) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", "00000000-0000-0000-0000-000000000000");
        String eventType = record.path("eventType").asText("AwsApiCall");
        event.put("detail-type", switch (eventType) {
            case "AwsServiceEvent" -> "AWS Service Event via CloudTrail";
            case "AwsConsoleSignIn", "AwsConsoleSignin" -> "AWS Console Sign In via CloudTrail";
            case "AwsConsoleAction" -> "AWS Console Action via CloudTrail";
            case "AwsCloudTrailInsight" -> "AWS Insight via CloudTrail";
            default -> "AWS API Call via CloudTrail";
        });
        String source = record.path("eventSource").asText("unknown.amazonaws.com");
        event.put("source", "aws." + source.split("\\.")[0]);
        event.put("account", record.path("recipientAccountId").asText("111122223333"));
        event.set("time", record.path("eventTime").isMissingNode() ? null : record.get("eventTime"));
        event.set("region", record.path("awsRegion").isMissingNode() ? null : record.get("awsRegion"));
        event.putArray("resources");
        event.set("detail", record);
        return event;
    }
}
