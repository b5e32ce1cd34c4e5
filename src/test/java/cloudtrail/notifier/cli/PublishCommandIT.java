package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.MotoServer;
import cloudtrail.notifier.testing.MotoTopic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `--publish`: the handler's path from the command line, with its exit status and one line per failure. */
class PublishCommandIT {
    private static final String REGION = "ap-northeast-1";
    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("cli");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void clearEndpoint() {
        System.clearProperty("aws.endpointUrlSns");
        System.clearProperty("aws.endpointUrlDynamoDb");
    }

    private int publish(String endpoint, String... files) {
        System.setProperty("aws.endpointUrlSns", endpoint);
        String[] args = new String[files.length + 1];
        args[0] = "--publish";
        System.arraycopy(files, 0, args, 1, files.length);
        return new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("TOPIC_ARN", SNS.topicArn(), "AWS_REGION", REGION)).run(args);
    }

    @Test
    void publishesEachFileAndSaysSo() throws Exception {
        int status = publish(SNS.moto().endpoint().toString(), "events/ssm-start-session.json", "events/cloudtrail-stop-logging.json");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("events/ssm-start-session.json: published as SNS message "), lines[0]);
        assertEquals(2, SNS.queue().receive(2, Duration.ofSeconds(20)).size());
    }

    @Test
    void aFailedPublishExitsWithOneAndOneLinePerFailure() throws Exception {
        int status = publish("http://127.0.0.1:" + MotoServer.freePort(),
                "events/ssm-start-session.json", "events/cloudtrail-stop-logging.json");

        assertEquals(1, status);
        String[] errors = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, errors.length, err.toString(StandardCharsets.UTF_8));
        assertTrue(errors[1].startsWith("cloudtrail-notifier: events/cloudtrail-stop-logging.json: event "
                + "7570d776-efa3-48c1-a78d-89440d507dd5: publishing to SNS failed"), errors[1]);
    }

    @Test
    void aMissingTopicStopsBeforeAnythingIsRead() {
        int status = new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AWS_REGION", REGION))
                .run(new String[] {"--publish", "events/ssm-start-session.json"});

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cloudtrail-notifier: TOPIC_ARN is not set"));
    }

    @Test
    void withTheFunctionsLedgerAnEventAlreadyPublishedIsNotSentAgain() throws Exception {
        // replaying the dead-letter queue by hand, say: one of the events had been published after all
        SNS.queue().drain();
        System.setProperty("aws.endpointUrlSns", SNS.moto().endpoint().toString());
        System.setProperty("aws.endpointUrlDynamoDb", SNS.moto().endpoint().toString());
        Map<String, String> env = Map.of("TOPIC_ARN", SNS.topicArn(), "AWS_REGION", REGION, "DEDUP_TABLE", SNS.newLedger());
        Main main = new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);

        assertEquals(0, main.run(new String[] {"--publish", "events/ssm-start-session.json"}));
        int status = main.run(new String[] {"--publish", "events/ssm-start-session.json", "events/cloudtrail-stop-logging.json"});

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertEquals("events/ssm-start-session.json: already published, not sent again (the ledger DEDUP_TABLE has it)", lines[1]);
        assertTrue(lines[2].startsWith("events/cloudtrail-stop-logging.json: published as SNS message "), lines[2]);
        assertEquals(2, SNS.queue().receive(2, Duration.ofSeconds(20)).size());
        assertEquals(0, SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)).size());
    }
    @Test
    void aDryRunRendersAndSignsEachEventAndSendsNothing() throws Exception {
        // a closed port: anything actually sent would fail, and the status would be 1
        int status = publish("http://127.0.0.1:" + MotoServer.freePort(), "--dry-run", "events/ssm-start-session.json",
                "events/cloudtrail-stop-logging.json");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertEquals("events/ssm-start-session.json: not sent (dry run): " + subjectOf("events/ssm-start-session.json"), lines[0]);
        assertEquals("events/cloudtrail-stop-logging.json: not sent (dry run): " + subjectOf("events/cloudtrail-stop-logging.json"),
                lines[1]);
    }

    private static String subjectOf(String file) {
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(rendered, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of()).run(new String[] {file});
        return rendered.toString(StandardCharsets.UTF_8).split("\n")[0];
    }
}
