package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.event.Redactor;
import cloudtrail.notifier.render.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser withholds secrets before the catalog reads the record (event.Redactor). That must not
 * change what the risk rules decide: a policy document is not a secret, and a withheld value keeps its
 * key, so a pattern's {@code exists} still sees it. Every sample and every risk case is assessed on the
 * redacted record and on the record as it arrived.
 */
class RedactionKeepsRiskDecisionsTest {
    private static final Assessor ASSESSOR = new Assessor(CatalogFiles.CATALOG);
    private static final EventParser PARSER = new EventParser();
    private static final JsonTrees JSON = new JsonTrees();

    @Test
    void everySampleAndRiskCaseIsRankedAsItWouldBeWithoutRedaction() {
        List<String> differences = new ArrayList<>();
        int redacted = 0;
        int compared = 0;
        for (Path file : Fixtures.events()) {
            JsonNode input = read(Fixtures.read(file));
            if (PARSER.parse(input) instanceof CloudTrailEvent e) {
                JsonNode raw = input.has("detail") ? input.get("detail") : input;
                redacted += compare(file.getFileName().toString(), e.record(), raw, differences);
                compared++;
            }
        }
        for (JsonNode c : CatalogFiles.riskCases()) {
            JsonNode raw = c.get("record");
            NotifierEvent parsed = PARSER.parse(raw);
            redacted += compare(c.path("case").asText(), ((CloudTrailEvent) parsed).record(), raw, differences);
            compared++;
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(compared > 100, "compared " + compared);
        assertTrue(redacted > 0, "no case had anything withheld: the comparison proves nothing");
    }

    /** @return 1 when the redaction changed the record */
    static int compare(String name, CloudTrailRecord redacted, JsonNode raw, List<String> differences) {
        CloudTrailRecord original = new CloudTrailRecord(redacted.eventVersion(), redacted.userIdentity(), redacted.eventTime(),
                redacted.eventSource(), redacted.eventName(), redacted.awsRegion(), redacted.sourceIpAddress(),
                redacted.userAgent(), raw.get("requestParameters"), raw.get("responseElements"),
                raw.get("additionalEventData"), raw.get("serviceEventDetails"), raw.get("insightDetails"),
                redacted.errorCode(), redacted.errorMessage(), redacted.eventId(), redacted.readOnly(),
                redacted.eventType(), redacted.recipientAccountId(), redacted.eventCategory(), redacted.resources(), raw);
        boolean failed = Outcome.of(redacted).failed();
        Assessor.Assessment a = ASSESSOR.assess(redacted, failed);
        Assessor.Assessment b = ASSESSOR.assess(original, failed);
        String got = a.reason().id() + " " + a.severity() + " " + a.pattern() + " " + a.check();
        String want = b.reason().id() + " " + b.severity() + " " + b.pattern() + " " + b.check();
        if (!got.equals(want)) {
            differences.add(name + ": redacted " + got + ", as it arrived " + want);
        }
        return Redactor.isWithheld(JSON.write(redacted.detail())) ? 1 : 0;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
