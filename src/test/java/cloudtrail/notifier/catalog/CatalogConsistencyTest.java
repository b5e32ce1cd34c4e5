package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the catalog reads, and everything it names exists: reasons, kinds, record fields. */
class CatalogConsistencyTest {
    /** The fields a CloudTrail record has: a path into anything else names nothing. */
    private static final Set<String> RECORD_FIELDS = Set.of("eventVersion", "userIdentity", "eventTime", "eventSource",
            "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements",
            "additionalEventData", "serviceEventDetails", "errorCode", "errorMessage", "eventID", "readOnly",
            "eventType", "recipientAccountId", "resources", "sharedEventID", "vpcEndpointId", "tlsDetails",
            "managementEvent", "eventCategory", "sessionCredentialFromConsole", "insightDetails", "requestID");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+(?:\\[\\])?(?:\\.[A-Za-z0-9_]+(?:\\[\\])?)*)\\}");

    static Stream<Path> serviceFiles() {
        return CatalogFiles.serviceFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceFiles")
    void aServiceFileReadsAndNamesOnlyWhatExists(Path file) {
        JsonNode root = CatalogFiles.read(file);
        Catalog.ServiceFile service = Catalog.readServiceFile(root, file.toString(), CatalogFiles.CATALOG.reasonsById());

        String name = file.getFileName().toString();
        assertEquals(name.substring(0, name.length() - ".json".length()) + ".amazonaws.com", service.eventSource(),
                "the file is named after its eventSource");
        List<String> problems = new ArrayList<>();
        root.path("events").properties().forEach(e -> {
            for (JsonNode t : e.getValue().path("targets")) {
                String kind = t.path("kind").asText(null);
                if (kind != null && !kind.equals("field") && service.kinds().get(kind) == null && CatalogFiles.CATALOG.kind("none", kind) == null) {
                    problems.add(e.getKey() + ": kind '" + kind + "' is defined neither in the file nor in kinds.json");
                }
                checkPath(e.getKey(), t.path("path").asText(), problems);
                String format = t.path("format").asText(null);
                if (format != null && !cloudtrail.notifier.render.ResourceExtractor.FORMATS.contains(format)) {
                    problems.add(e.getKey() + ": unknown target format '" + format + "'");
                }
            }
            for (JsonNode r : e.getValue().path("risks")) {
                if (r.has("check")) {
                    checkPath(e.getKey(), r.path("check").path("path").asText(), problems);
                }
                for (String lang : List.of("ja", "en")) {
                    Matcher m = PLACEHOLDER.matcher(r.path("next").path(lang).asText(""));
                    while (m.find()) {
                        checkPath(e.getKey() + " next", m.group(1), problems);
                    }
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyReasonAboveInfoSaysWhatToDo() {
        for (Reason reason : CatalogFiles.CATALOG.reasons()) {
            if (reason.severity() != Severity.INFO) {
                assertNotNull(reason.next(), reason.id() + " has no next step");
            }
        }
    }

    @Test
    void theGeneralRulesAndTheSharedFilesRead() {
        assertTrue(CatalogFiles.CATALOG.general().size() >= 5);
        assertNotNull(CatalogFiles.CATALOG.region("ap-northeast-1"));
        assertEquals("東京", CatalogFiles.CATALOG.region("ap-northeast-1").ja());
    }

    private static void checkPath(String where, String path, List<String> problems) {
        try {
            JsonPath p = JsonPath.parse(path);
            if (!RECORD_FIELDS.contains(p.root())) {
                problems.add(where + ": path '" + path + "' does not start with a record field");
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }
}
