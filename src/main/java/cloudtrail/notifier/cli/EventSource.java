package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.EventParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * What one input holds, read as it streams: one event (an EventBridge event, or a record copied from the
 * CloudTrail console); a CloudTrail log file as S3 delivers it ({@code {"Records": [...]}}, gzip or not),
 * thousands of records; or JSON Lines, one event or record per line. Memory stays flat in the number of
 * records: each is handed on, as its own bytes, before the next is read, and the function's strict reader
 * then reads it as it reads any event.
 */
final class EventSource {
    /** One event of the input, by where it was (the file, or file:record number). */
    record Item(String label, byte[] json) {}

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int GZIP_MAGIC = 0x1f8b;

    private EventSource() {}

    /**
     * @param single whether the input must be one event (--publish): a log file or JSON Lines is then
     *     handed on whole, and the reader rejects it as not one event
     */
    static void read(String label, InputStream raw, boolean single, Consumer<Item> each) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        InputStream body = magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        if (single) {
            each.accept(new Item(label, body.readAllBytes()));
            return;
        }
        body.mark(1 << 16);
        byte[] head = body.readNBytes(1 << 16);
        body.reset();
        if (EventParser.opensWithRecords(head)) {
            records(label, body, each);
        } else if (isJsonLines(head)) {
            lines(label, body, each);
        } else {
            each.accept(new Item(label, body.readAllBytes()));
        }
    }

    /** More than one line that starts a JSON object, each closing on its line: JSON Lines. */
    private static boolean isJsonLines(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int firstBreak = text.indexOf('\n');
        if (firstBreak < 0 || firstBreak == text.length() - 1) {
            return false;
        }
        String first = text.substring(0, firstBreak).strip();
        String rest = text.substring(firstBreak + 1).stripLeading();
        return first.startsWith("{") && first.endsWith("}") && rest.startsWith("{");
    }

    private static void records(String label, InputStream body, Consumer<Item> each) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken(); // {
            parser.nextToken(); // "Records"
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("Records is not an array");
            }
            int n = 0;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new IOException("the log file ends inside Records");
                }
                buffer.reset();
                try (JsonGenerator copy = JSON.createGenerator(buffer)) {
                    copy.copyCurrentStructure(parser);
                }
                each.accept(new Item(label + ":" + (++n), buffer.toByteArray()));
            }
        }
    }

    private static void lines(String label, InputStream body, Consumer<Item> each) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
        int n = 0;
        int b;
        while (true) {
            b = body.read();
            if (b == '\n' || b == -1) {
                n++;
                byte[] bytes = line.toByteArray();
                if (!new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                    each.accept(new Item(label + ":" + n, bytes));
                }
                line.reset();
                if (b == -1) {
                    return;
                }
            } else {
                line.write(b);
            }
        }
    }
}
