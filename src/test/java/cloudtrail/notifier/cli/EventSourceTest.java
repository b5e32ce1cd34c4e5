package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The command line's inputs as users have them: one event, CloudTrail's log files (gzip or not), JSON Lines. */
class EventSourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonTrees TREES = new JsonTrees();

    /** A log file as CloudTrail writes it to S3: the samples' CloudTrail records under Records. */
    static byte[] logFile(int records) throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        for (var file : Fixtures.events()) {
            JsonNode detail = MAPPER.readTree(Fixtures.read(file)).path("detail");
            if (detail.has("eventID")) {
                samples.add(detail);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("Records");
        for (int i = 0; i < records; i++) {
            array.add(samples.get(i % samples.size()));
        }
        return MAPPER.writeValueAsBytes(root);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static List<EventSource.Item> read(byte[] bytes, boolean single) throws IOException {
        List<EventSource.Item> items = new ArrayList<>();
        EventSource.read("in", new ByteArrayInputStream(bytes), TREES, single, items::add);
        return items;
    }

    @Test
    void aLogFileIsReadRecordByRecordAsEachWasWritten() throws Exception {
        byte[] file = logFile(100);

        List<EventSource.Item> items = read(file, false);

        assertEquals(100, items.size());
        assertEquals("in:1", items.get(0).label());
        assertEquals(MAPPER.readTree(file).path("Records").get(41), MAPPER.readTree(items.get(41).json(TREES)));
    }

    @Test
    void aGzippedLogFileAsS3DeliversItIsTheSame() throws Exception {
        byte[] file = logFile(60);

        assertEquals(read(file, false).stream().map(i -> new String(i.json(TREES), StandardCharsets.UTF_8)).toList(),
                read(gzip(file), false).stream().map(i -> new String(i.json(TREES), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void jsonLinesGiveOneEventPerLineSkippingBlankOnes() throws Exception {
        String lines = new String(Fixtures.event("ec2-create-vpc.json"), StandardCharsets.UTF_8).replace("\n", "") + "\n\n"
                + new String(Fixtures.event("s3-list-buckets.json"), StandardCharsets.UTF_8).replace("\n", "") + "\n";

        List<EventSource.Item> items = read(lines.getBytes(StandardCharsets.UTF_8), false);

        assertEquals(List.of("in:1", "in:3"), items.stream().map(EventSource.Item::label).toList());
    }

    @Test
    void oneEventIsOneItemAndPublishingNeverSplitsAFile() throws Exception {
        assertEquals(1, read(Fixtures.event("ec2-create-vpc.json"), false).size());
        assertEquals(1, read(logFile(5), true).size(), "--publish reads a file as one input, which then is not one event");
    }

    @Test
    void aLogFileCutShortIsAnErrorNotASilentEnd() {
        byte[] whole = new byte[0];
        try {
            whole = logFile(5);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThrows(IOException.class, () -> read(cut, false));
    }

    @Test
    void thirtyThousandRecordsStreamWithoutHoldingTheFile() throws Exception {
        // the records come from a stream that is never whole in memory: each is handed on as it is read
        int records = 30_000;
        byte[] one = MAPPER.writeValueAsBytes(MAPPER.readTree(Fixtures.event("ec2-create-vpc.json")).path("detail"));
        InputStream stream = new java.io.SequenceInputStream(java.util.Collections.enumeration(streamParts(one, records)));
        int[] count = {0};
        long[] largest = {0};

        EventSource.read("big", stream, TREES, false, item -> {
            count[0]++;
            largest[0] = Math.max(largest[0], item.json(TREES).length);
        });

        assertEquals(records, count[0]);
        assertTrue(largest[0] < 10_000, "one record at a time: " + largest[0]);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String RECORD = "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}";

    @Test
    void aRecordWithAKeyTwiceIsRefusedAloneAsTheFunctionRefusesSuchAnEvent() throws Exception {
        String twice = "{\"eventName\":\"CreateUser\",\"userIdentity\":{\"type\":\"Root\",\"type\":\"IAMUser\",\"x\":[{}]},"
                + "\"eventName\":\"DeleteUser\"}";
        byte[] file = utf8("{\"Records\": [" + RECORD + ",\n" + twice + ", " + RECORD + "]}");

        List<EventSource.Item> items = read(file, false);

        assertEquals(List.of("in:1", "in:2", "in:3"), items.stream().map(EventSource.Item::label).toList());
        EventParser parser = new EventParser(TREES);
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> items.get(1).event(parser));
        InvalidEventException alone = assertThrows(InvalidEventException.class, () -> parser.parse(utf8(twice)));
        assertEquals(alone.getMessage(), refused.getMessage());
        assertEquals("duplicate key \"type\" in userIdentity", refused.getMessage());
        assertThrows(InvalidEventException.class, () -> items.get(1).json(TREES));
        assertEquals(parser.parse(utf8(RECORD)).toString(), items.get(2).event(parser).toString());
    }

    @Test
    void aRecordThatIsNotJsonEndsTheFileNamingTheRecord() {
        byte[] file = utf8("{\"Records\": [" + RECORD + "," + RECORD + ",{\"eventName\": CreateUser}]}");

        IOException e = assertThrows(IOException.class, () -> read(file, false));

        assertTrue(e.getMessage().startsWith("record 3: not JSON: Unrecognized token 'CreateUser'"), e.getMessage());
    }

    @Test
    void aLogFileCutShortNamesTheRecordItEndsIn() {
        byte[] file = utf8("{\"Records\": [" + RECORD + ",{\"eventName\": \"Crea");

        IOException e = assertThrows(IOException.class, () -> read(file, false));

        assertEquals("the log file ends inside record 2", e.getMessage());
    }

    @Test
    void malformedUtf8InALogFileIsRefusedNotReplaced() throws Exception {
        // an overlong "/" (C0 AF): Jackson's own decoding would read it as a character
        byte[] head = utf8("{\"Records\": [" + RECORD + ",{\"eventName\": \"a");
        byte[] tail = utf8("b\"}]}");
        byte[] file = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = (byte) 0xC0;
        file[head.length + 1] = (byte) 0xAF;
        System.arraycopy(tail, 0, file, head.length + 2, tail.length);

        IOException e = assertThrows(IOException.class, () -> read(gzip(file), false));

        assertTrue(e.getMessage().startsWith("not well-formed UTF-8 after record "), e.getMessage());
    }

    private static List<InputStream> streamParts(byte[] record, int n) {
        List<InputStream> parts = new ArrayList<>(n * 2 + 2);
        parts.add(new ByteArrayInputStream("{\"Records\": [".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                parts.add(new ByteArrayInputStream(new byte[] {','}));
            }
            parts.add(new ByteArrayInputStream(record));
        }
        parts.add(new ByteArrayInputStream("]}".getBytes(StandardCharsets.UTF_8)));
        return parts;
    }
}
