package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, Map<String, String> env, String... args) {
        return new Main(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsSubjectBlankLineAndMessageAsAReaderSeesIt() {
        int status = run(new byte[0], Map.of(), "events/ssm-start-session.json");

        assertEquals(0, status);
        Notification expected = new Notifier(NotifierConfig.fromEnvironment(Map.of()))
                .render(Fixtures.event("ssm-start-session.json"));
        assertEquals(expected.subject() + "\n\n" + expected.message(), stdout());
        assertTrue(stdout().contains("いつ: 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void jsonPrintsOneObjectPerInputInOrderWithWhatWouldBePublished() throws Exception {
        List<Path> files = Fixtures.events();
        String[] args = new String[files.size() + 1];
        args[0] = "--json";
        for (int i = 0; i < files.size(); i++) {
            args[i + 1] = files.get(i).toString();
        }

        int status = run(new byte[0], Map.of(), args);

        assertEquals(0, status);
        String[] lines = stdout().split("\n");
        assertEquals(files.size(), lines.length);
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = MAPPER.readTree(lines[i]);
            Notification expected = notifier.render(Fixtures.read(files.get(i)));
            assertEquals(files.get(i).toString(), line.get("file").asText());
            assertEquals(expected.subject(), line.get("subject").asText());
            assertEquals(expected.message(), line.get("message").asText());
            assertEquals(expected.messageAttributes(), MAPPER.convertValue(line.get("messageAttributes"), Map.class));
        }
    }

    @Test
    void readsOneEventFromStandardInput() {
        int status = run(Fixtures.event("cloudtrail-stop-logging.json"), Map.of("NOTIFY_LANGUAGE", "en"), "-");

        assertEquals(0, status);
        String subject = stdout().substring(0, stdout().indexOf("\n\n"));
        assertTrue(subject.startsWith("[Critical] CloudTrail logging stopped: management-events-"), subject);
        assertTrue(subject.endsWith(" (taro.yamada@example.com, 111122223333)"), subject);
    }

    @Test
    void aBadFileIsReportedOnOneLineAndTheOthersAreStillRendered(@TempDir Path dir) throws Exception {
        // Given a file that is not JSON, one that does not exist, and two good events
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"detail-type\": ");
        Path missing = dir.resolve("missing.json");

        int status = run(new byte[0], Map.of(), "--json", "events/ssm-start-session.json", broken.toString(),
                missing.toString(), dir.toString(), "events/cloudtrail-stop-logging.json");

        // Then the good ones are printed, each bad one is named on one line of stderr, and the status is 2
        assertEquals(2, status);
        assertEquals(2, stdout().split("\n").length);
        String[] errors = stderr().split("\n");
        assertEquals(3, errors.length, stderr());
        assertTrue(errors[0].startsWith("cloudtrail-notifier: " + broken + ": not JSON"), errors[0]);
        assertEquals("cloudtrail-notifier: " + missing + ": no such file", errors[1]);
        assertEquals("cloudtrail-notifier: " + dir + ": is a directory", errors[2]);
        assertFalse(stderr().contains("Exception"), "no stack trace");
    }

    @Test
    void anInvalidSettingStopsBeforeRenderingAndNamesTheVariable() {
        int status = run(new byte[0], Map.of("NOTIFY_TIME_ZONE", "Mars/Olympus"), "events/ssm-start-session.json");

        assertEquals(2, status);
        assertEquals("", stdout());
        assertTrue(stderr().startsWith("cloudtrail-notifier: NOTIFY_TIME_ZONE='Mars/Olympus'"), stderr());
    }

    @Test
    void anUnknownOptionPrintsUsage() {
        int status = run(new byte[0], Map.of(), "--jsn", "events/ssm-start-session.json");

        assertEquals(2, status);
        assertTrue(stderr().contains("unknown option --jsn"));
        assertTrue(stderr().contains("usage:"));
    }

    @Test
    void aDryRunWithoutPublishIsRefusedBeforeAnythingIsRead() {
        int status = run(new byte[0], Map.of(), "--dry-run", "events/ssm-start-session.json");

        assertEquals(2, status);
        assertEquals("", stdout());
        assertTrue(stderr().startsWith("cloudtrail-notifier: --dry-run goes with --publish"), stderr());
    }

    @Test
    void digestShowsWhatOneBatchWouldPublishInOrderEachEventOnce() throws Exception {
        // six changes by one role session with the console, one of them given twice, and a critical change by someone else
        List<String> args = new java.util.ArrayList<>(List.of("--digest", "--json"));
        cloudtrail.notifier.testing.Burst burst = new cloudtrail.notifier.testing.Burst(41);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("digest");
        for (int i = 0; i < 6; i++) {
            java.nio.file.Path file = dir.resolve("vpc-" + i + ".json");
            java.nio.file.Files.writeString(file, burst.event("ec2-create-vpc.json", cloudtrail.notifier.testing.Burst.Actor.CONSOLE));
            args.add(file.toString());
        }
        args.add(dir.resolve("vpc-0.json").toString());
        args.add("events/cloudtrail-stop-logging.json");

        int status = run(new byte[0], Map.of(), args.toArray(String[]::new));

        assertEquals(0, status, stderr());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : stdout().split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        assertEquals(2, lines.size(), stdout());
        assertTrue(lines.get(0).get("subject").asText().startsWith("【重大】CloudTrail のログ記録の停止"), "the critical one first");
        assertEquals("【警告】マネジメントコンソール（ブラウザ） による 6 件の変更（taro.yamada・111122223333）",
                lines.get(1).get("subject").asText());
        assertEquals(6, lines.get(1).get("eventIds").size());
        assertEquals("6", lines.get(1).path("messageAttributes").path("digest").asText());
        assertEquals("cloudtrail-notifier: 8 events: 2 notifications, 1 repeated event dropped\n", stderr());
    }

    @Test
    void digestCountsWhatItSuppressesAndRejectsABadPatternNamingIt() {
        String ci = "[{\"name\": \"ci\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\"]}}}]";

        int status = run(new byte[0], Map.of("SUPPRESSION_PATTERNS", ci), "--digest", "events/ec2-create-vpc.json",
                "events/s3-list-buckets.json");

        assertEquals(0, status, stderr());
        assertTrue(stdout().startsWith("=== 1/1: 1 event from events/s3-list-buckets.json ===\n【情報】"), stdout());
        assertEquals("cloudtrail-notifier: 2 events: 1 notification, 1 suppressed by ci\n", stderr());

        err.reset();
        assertEquals(2, run(new byte[0], Map.of("SUPPRESSION_PATTERNS", "[{\"name\": \"x\"}]"), "--digest", "events/ec2-create-vpc.json"));
        assertTrue(stderr().startsWith("cloudtrail-notifier: SUPPRESSION_PATTERNS[0] (x): not an event pattern"), stderr());
    }

    @Test
    void aGzippedCloudTrailLogFileRendersEveryRecordInOrderLabelledByItsPlace() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ct-log", ".json.gz");
        java.nio.file.Files.write(file, EventSourceTest.gzip(EventSourceTest.logFile(3)));

        int status = run(new byte[0], Map.of(), "--json", file.toString());

        assertEquals(0, status, stderr());
        String[] lines = stdout().split("\n");
        assertEquals(3, lines.length);
        assertEquals(file + ":3", MAPPER.readTree(lines[2]).path("file").asText());
        assertTrue(MAPPER.readTree(lines[0]).path("subject").asText().startsWith("【"), lines[0]);
    }

    @Test
    void aLogFilesRecordsRenderAsTheSameRecordsDoOneByOne() throws Exception {
        // records read straight into trees from the log file, and the same records read from their own bytes as JSON Lines
        byte[] log = EventSourceTest.logFile(40);
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : MAPPER.readTree(log).path("Records")) {
            lines.append(MAPPER.writeValueAsString(record)).append('\n');
        }
        Path file = Files.createTempFile("ct-log", ".json.gz");
        Files.write(file, EventSourceTest.gzip(log));
        Path jsonl = Files.createTempFile("ct-lines", ".jsonl");
        Files.writeString(jsonl, lines);

        assertEquals(0, run(new byte[0], Map.of(), "--json", file.toString()), stderr());
        String fromLog = stdout().replace(file.toString(), "F");
        out.reset();
        assertEquals(0, run(new byte[0], Map.of(), "--json", jsonl.toString()), stderr());
        String fromLines = stdout().replace(jsonl.toString(), "F");

        assertEquals(40, fromLog.split("\n").length);
        assertEquals(fromLines, fromLog);
    }

    @Test
    void aRecordWithAKeyTwiceIsReportedAndTheOthersStillRender() throws Exception {
        String record = "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}";
        Path file = Files.createTempFile("ct-log", ".json");
        Files.writeString(file, "{\"Records\":[" + record + ",{\"eventName\":\"a\",\"eventName\":\"b\"}," + record + "]}");

        int status = run(new byte[0], Map.of(), "--json", file.toString());

        assertEquals(2, status);
        assertEquals("cloudtrail-notifier: " + file + ":2: duplicate key \"eventName\" at the top level\n", stderr());
        String[] lines = stdout().split("\n");
        assertEquals(2, lines.length);
        assertEquals(file + ":1", MAPPER.readTree(lines[0]).path("file").asText());
        assertEquals(file + ":3", MAPPER.readTree(lines[1]).path("file").asText());
    }
}
