package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
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
        EventSource.read("in", new ByteArrayInputStream(bytes), single, items::add);
        return items;
    }

    @Test
    void aLogFileIsReadRecordByRecordAsEachWasWritten() throws Exception {
        byte[] file = logFile(100);

        List<EventSource.Item> items = read(file, false);

        assertEquals(100, items.size());
        assertEquals("in:1", items.get(0).label());
        assertEquals(MAPPER.readTree(file).path("Records").get(41), MAPPER.readTree(items.get(41).json()));
    }

    @Test
    void aGzippedLogFileAsS3DeliversItIsTheSame() throws Exception {
        byte[] file = logFile(60);

        assertEquals(read(file, false).stream().map(i -> new String(i.json(), StandardCharsets.UTF_8)).toList(),
                read(gzip(file), false).stream().map(i -> new String(i.json(), StandardCharsets.UTF_8)).toList());
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

        EventSource.read("big", stream, false, item -> {
            count[0]++;
            largest[0] = Math.max(largest[0], item.json().length);
        });

        assertEquals(records, count[0]);
        assertTrue(largest[0] < 10_000, "one record at a time: " + largest[0]);
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
