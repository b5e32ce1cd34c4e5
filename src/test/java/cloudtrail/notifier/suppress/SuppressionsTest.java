package cloudtrail.notifier.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected activity, counted and not sent; critical events only where a pattern says so. */
class SuppressionsTest {
    private static final JsonTrees JSON = new JsonTrees();
    /** StackSets' execution role, as Control Tower and StackSets deploy it. */
    private static final String STACKSETS = """
            [{"name": "stacksets", "pattern": {"detail": {"userIdentity": {"sessionContext": {"sessionIssuer":
              {"userName": [{"prefix": "stacksets-exec-"}]}}}}}},
             {"name": "ci-vpc", "pattern": {"detail": {"eventName": ["CreateVpc", "StopLogging"]}}},
             {"name": "ci-all", "pattern": {"detail": {"eventName": ["StopLogging"]}}, "includeCritical": true}]""";

    private static JsonNode event(String name) throws Exception {
        return JSON.read(Fixtures.event(name));
    }

    private static Suppressions of(String value) {
        return Suppressions.fromEnvironment(Map.of(Suppressions.SUPPRESSION_PATTERNS, value), JSON);
    }

    @Test
    void anExpectedChangeIsSuppressedByTheFirstPatternThatMatches() throws Exception {
        Optional<Suppressions.Suppression> by = of(STACKSETS).match(event("ec2-create-vpc.json"), Severity.WARNING);

        assertEquals("ci-vpc", by.orElseThrow().name());
    }

    @Test
    void aCriticalEventPassesAPatternThatDoesNotIncludeCritical() throws Exception {
        String onlyVpc = "[{\"name\": \"ci-vpc\", \"pattern\": {\"detail\": {\"eventName\": [\"StopLogging\"]}}}]";

        assertEquals(Optional.empty(), of(onlyVpc).match(event("cloudtrail-stop-logging.json"), Severity.CRITICAL));
        assertEquals("ci-all", of(STACKSETS).match(event("cloudtrail-stop-logging.json"), Severity.CRITICAL).orElseThrow().name());
    }

    @Test
    void noPatternsSuppressNothing() throws Exception {
        assertTrue(Suppressions.fromEnvironment(Map.of(), JSON).isEmpty());
        assertEquals(Optional.empty(), of("[]").match(event("ec2-create-vpc.json"), Severity.INFO));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|[{|SUPPRESSION_PATTERNS is not JSON",
        "not an array|{\"name\": \"x\"}|must be a JSON array",
        "no name|[{\"pattern\": {\"source\": [\"aws.ec2\"]}}]|SUPPRESSION_PATTERNS[0] needs a \"name\"",
        "a name twice|[{\"name\": \"a\", \"pattern\": {\"source\": [\"x\"]}}, {\"name\": \"a\", \"pattern\": {\"source\": [\"y\"]}}]|SUPPRESSION_PATTERNS[1]: the name \"a\" is used twice",
        "an unknown field|[{\"name\": \"a\", \"patern\": {}}]|unknown field \"patern\"",
        "an empty pattern|[{\"name\": \"a\", \"pattern\": {}}]|SUPPRESSION_PATTERNS[0] (a): not an event pattern",
        "a bare value|[{\"name\": \"a\", \"pattern\": {\"source\": \"aws.ec2\"}}]|SUPPRESSION_PATTERNS[0] (a): not an event pattern",
        "$or|[{\"name\": \"a\", \"pattern\": {\"$or\": [{\"source\": [\"x\"]}]}}]|$or is not supported here",
        "includeCritical as text|[{\"name\": \"a\", \"pattern\": {\"source\": [\"x\"]}, \"includeCritical\": \"yes\"}]|includeCritical must be true or false",
    })
    void aBadValueStopsTheFunctionAtStartNamingTheEntry(String name, String value, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> of(value));

        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
