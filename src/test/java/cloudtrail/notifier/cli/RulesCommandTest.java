package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `rules`: which of template.yaml's rules an event triggers, and why none does. */
class RulesCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        return new Main(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            events/cloudtrail-stop-logging.json           | events/cloudtrail-stop-logging.json: CloudTrailChanges
            events/organizations-create-account-result.json | events/organizations-create-account-result.json: AccountCreation
            events/signin-root-console-login.json         | events/signin-root-console-login.json: RootSignIn
            events/ec2-describe-instances.json            | events/ec2-describe-instances.json: no rule matches
            """)
    void namesTheRulesAnEventTriggers(String file, String firstLine) {
        int status = run(new byte[0], "rules", file);

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(firstLine, stdout().lines().findFirst().orElseThrow());
    }

    @Test
    void whenNoRuleMatchesItNamesTheClosestAndTheFieldThatKeptItOut() {
        run(new byte[0], "rules", "events/ec2-describe-instances.json");

        assertTrue(stdout().contains("  closest: SecurityGroupChanges (5 of 6 fields match)\n"), stdout());
        assertTrue(stdout().contains("  first mismatch: detail.eventName is \"DescribeInstances\", the rule expects ["), stdout());
    }

    @Test
    void aBareCloudTrailRecordIsWrappedAsEventBridgeDeliversIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        byte[] bare = mapper.writeValueAsBytes(mapper.readTree(Fixtures.event("organizations-create-account-result.json")).get("detail"));

        run(bare, "rules", "-");

        assertEquals("-: AccountCreation\n  severity: info (routine activity)\n", stdout());
    }

    @Test
    void itSaysWhichRiskInTheRequestMadeTheEventUrgent() {
        run(new byte[0], "rules", "events/rds-snapshot-shared-with-another-account.json", "events/secretsmanager-force-delete.json");

        assertTrue(stdout().contains("events/rds-snapshot-shared-with-another-account.json: RiskyChanges2\n  severity: critical "
                + "(shared with or trusted to another account), by the catalog's pattern {\"requestParameters\":{\"attributeName\":[\"restore\"]}} "
                + "and the check other-account on requestParameters.valuesToAdd\n"), stdout());
        assertTrue(stdout().contains("events/secretsmanager-force-delete.json: RiskyChanges3\n  severity: critical (deletion without recovery)"), stdout());
    }

    @Test
    void aReadOnlyCallMatchingARuleThatCannotReceiveItIsPointedOut() {
        run(new byte[0], "rules", "--param",
                "WatchedSecretArns=arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:sample/secret-wPvfcr",
                "--param", "MonitorReadOnlyEvents=false", "events/secretsmanager-get-secret-value.json");

        assertTrue(stdout().startsWith("events/secretsmanager-get-secret-value.json: SecretRead\n  note: SecretRead matches, "
                + "but this is a read-only call and the rule's state is ENABLED"), stdout());
    }

    @Test
    void aDisabledRuleGroupIsPointedOut() {
        run(new byte[0], "rules", "--param", "EnableNetworkRules=false", "events/ec2-create-vpc.json");

        assertTrue(stdout().contains("note: VpcChanges is DISABLED with these parameters"), stdout());
    }

    @Test
    void itSaysWhichSuppressionPatternWouldKeepAnEventFromBeingSentAndWhenACriticalOneIsNot() {
        String patterns = "SuppressionPatterns=[{\"name\": \"ci\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\", \"StopLogging\"]}}}]";

        run(new byte[0], "rules", "--param", patterns, "events/ec2-create-vpc.json", "events/cloudtrail-stop-logging.json");

        assertTrue(stdout().contains("events/ec2-create-vpc.json: VpcChanges\n  severity: warning (network access or routing change)\n"
                + "  suppressed: by SuppressionPatterns pattern \"ci\": counted and logged, not sent\n"), stdout());
        assertTrue(stdout().contains("  not suppressed: pattern \"ci\" matches, but the event is critical and the pattern does not say"
                + " \"includeCritical\": true\n"), stdout());
    }

    @Test
    void withTheDefaultPatternsNothingIsSaidAboutSuppression() {
        run(new byte[0], "rules", "events/ec2-create-vpc.json");

        assertTrue(!stdout().contains("suppressed"), stdout());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad suppression pattern | --param,SuppressionPatterns=[1],events/ec2-create-vpc.json | SuppressionPatterns[0] must be an object with "name" and "pattern"
            unknown parameter      | --param,Nope=1,events/ec2-create-vpc.json                 | the template has no parameter Nope
            missing template       | --template,missing.yaml,events/ec2-create-vpc.json        | missing.yaml: no such file
            bad event file         | pom.xml                                                   | pom.xml: not JSON
            """)
    void problemsAreReportedOnOneLineWithStatusTwo(String name, String args, String message) {
        String[] parts = ("rules," + args).split(",");

        int status = run(new byte[0], parts);

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), err.toString(StandardCharsets.UTF_8));
    }
}
