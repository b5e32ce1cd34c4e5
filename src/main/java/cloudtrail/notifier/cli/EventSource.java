package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.event.NotifierEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * What one input holds, read as it streams: one event (an EventBridge event, or a record copied from the
 * CloudTrail console); a CloudTrail log file as S3 delivers it ({@code {"Records": [...]}}, gzip or not),
 * thousands of records; or JSON Lines, one event or record per line. Memory stays flat in the number of
 * records: each is handed on before the next is read. A log file's record is handed on as the tree the
 * function's strict reader ({@link JsonTrees}) makes of it, read straight from the stream: copying each
 * record out as bytes only for the reader to parse them again cost more than the rest of the reading.
 */
final class EventSource {
    /** One event of the input, by where it was (the file, or file:record number). */
    static final class Item {
        private final String label;
        private final byte[] json;
        private final JsonNode tree;
        private final JsonTrees.DuplicateKeyException refused;

        private Item(String label, byte[] json, JsonNode tree, JsonTrees.DuplicateKeyException refused) {
            this.label = label;
            this.json = json;
            this.tree = tree;
            this.refused = refused;
        }

        String label() {
            return label;
        }

        /** The event as the function reads it. @throws InvalidEventException as the function's reader would */
        NotifierEvent event(EventParser parser) {
            if (refused != null) {
                throw new InvalidEventException(refused.getMessage(), refused);
            }
            return tree != null ? parser.parse(tree) : parser.parse(json);
        }

        /**
         * The event's bytes, as a queue's message would carry them. A record comes back compact, as it was handed
         * on before it was read into a tree. @throws InvalidEventException for a record with a key twice
         */
        byte[] json(JsonTrees trees) {
            if (refused != null) {
                throw new InvalidEventException(refused.getMessage(), refused);
            }
            if (tree == null) {
                return json;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            trees.write(tree, out);
            return out.toByteArray();
        }
    }

    private static final int GZIP_MAGIC = 0x1f8b;

    private EventSource() {}

    /**
     * @param trees the function's reader, which reads a log file's records
     * @param single whether the input must be one event (--publish): a log file or JSON Lines is then
     *     handed on whole, and the reader rejects it as not one event
     */
    static void read(String label, InputStream raw, JsonTrees trees, boolean single, Consumer<Item> each) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        InputStream body = magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        if (single) {
            each.accept(new Item(label, body.readAllBytes(), null, null));
            return;
        }
        body.mark(1 << 16);
        byte[] head = body.readNBytes(1 << 16);
        body.reset();
        if (EventParser.opensWithRecords(head)) {
            records(label, body, trees, each);
        } else if (isJsonLines(head)) {
            lines(label, body, each);
        } else {
            each.accept(new Item(label, body.readAllBytes(), null, null));
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

    /**
     * The records, each read into a tree as the function reads an event. A record with a key twice is refused alone,
     * as the function refuses such an event; anything else wrong ends the file, naming the record it was in.
     */
    private static void records(String label, InputStream body, JsonTrees trees, Consumer<Item> each) throws IOException {
        // decoded strictly, as the function decodes an event: malformed UTF-8 is refused, never replaced
        Reader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        int n = 0; // records read whole
        try (JsonParser parser = trees.parser(text)) {
            parser.nextToken(); // {
            parser.nextToken(); // "Records"
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("Records is not an array");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new IOException("the log file ends inside Records, after record " + n);
                }
                Item item;
                try {
                    item = new Item(label + ":" + (n + 1), null, trees.readValue(parser), null);
                } catch (JsonTrees.DuplicateKeyException e) {
                    item = new Item(label + ":" + (n + 1), null, null, e);
                }
                n++;
                each.accept(item);
            }
        } catch (CharacterCodingException e) {
            // the decoder reads ahead of the parser: the bytes are in a record after n, not necessarily the next
            throw new IOException("not well-formed UTF-8 after record " + n + " (" + e.getMessage() + ")", e);
        } catch (JsonEOFException e) {
            throw new IOException("the log file ends inside record " + (n + 1), e);
        } catch (JsonProcessingException e) {
            throw new IOException("record " + (n + 1) + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
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
                    each.accept(new Item(label + ":" + n, bytes, null, null));
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
