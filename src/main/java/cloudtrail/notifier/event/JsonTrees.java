package cloudtrail.notifier.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes JSON trees with jackson-core alone. An ObjectMapper costs a cold start a few
 * hundred classes of configuration it never uses here; the tree nodes themselves are cheap.
 *
 * <p>Reading is strict, because EventBridge's matcher and this parser must see the same event: bytes
 * must be well-formed UTF-8 ({@link Utf8}; never guessed to be UTF-16 or UTF-32), and no object may
 * hold a key twice, at any depth. With {@code "errorCode":"AccessDenied","errorCode":null} a rule
 * matches on either value while a last-wins parser keeps only one, so such input is refused with a
 * {@link DuplicateKeyException} instead of being read one way here and another way there. The tree
 * being built finds the repeat itself (Jackson's own detection would leave its parser unusable), so a
 * log file's reader can refuse one record and read the next: {@link #readValue(JsonParser)}.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;

    public JsonTrees() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(2_000)
                        .maxStringLength(64 * 1024 * 1024)
                        .build())
                .build();
    }

    /** An object holds the same key twice: the message names the key and where the object is. */
    public static final class DuplicateKeyException extends IOException {
        private final String key;
        private final String where;

        DuplicateKeyException(String key, String where) {
            super("duplicate key \"" + printable(key) + "\" " + (where.isEmpty() ? "at the top level" : "in " + where));
            this.key = key;
            this.where = where;
        }

        public String key() {
            return key;
        }

        /** The object's path, "detail.userIdentity" or "detail.resources[0]"; empty for the top level. */
        public String where() {
            return where;
        }
    }

    /**
     * @return the tree, or MissingNode-free null when the input holds no JSON value at all
     * @throws Utf8.MalformedException when the bytes are not well-formed UTF-8
     * @throws DuplicateKeyException when an object holds a key twice
     */
    public JsonNode read(byte[] json) throws IOException {
        return read(Utf8.decode(json));
    }

    /** @throws DuplicateKeyException when an object holds a key twice */
    public JsonNode read(String json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readDocument(p);
        }
    }

    /** A parser over {@code text} with this reader's limits, for reading values one at a time with {@link #readValue}. */
    public JsonParser parser(Reader text) throws IOException {
        return factory.createParser(text);
    }

    /**
     * The value the parser is at, read as {@link #read(String)} reads a whole document. A {@link DuplicateKeyException}
     * names where the key is within this value, and leaves the parser at the value's end: the next value can be read.
     */
    public JsonNode readValue(JsonParser p) throws IOException {
        JsonStreamContext outside = p.getParsingContext().getParent();
        JsonToken first = p.currentToken();
        try {
            return readValue(p, first, outside);
        } catch (DuplicateKeyException e) {
            if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
                while (p.getParsingContext() != outside) {
                    if (p.nextToken() == null) {
                        throw new JsonEOFException(p, null, "unexpected end of input");
                    }
                }
            }
            throw e;
        }
    }

    /** The object's path, from just inside {@code outside}: "detail.userIdentity" or "detail.resources[0]". */
    private static String where(JsonStreamContext object, JsonStreamContext outside) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = object.getParent(); c != null && c != outside && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else {
                JsonStreamContext parent = c.getParent();
                parts.addFirst((parent != null && parent != outside && !parent.inRoot() ? "." : "") + printable(c.getCurrentName()));
            }
        }
        return String.join("", parts);
    }

    /** A key as a log line or a terminal can show it: controls escaped, long keys cut. */
    static String printable(String key) {
        if (key == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(key.length(), 64) + 8);
        for (int i = 0; i < key.length(); i++) {
            if (i == 64) {
                return b.append("…").toString();
            }
            char c = key.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '"' || c == '\\'
                    || c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static JsonNode readDocument(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode value = readValue(p, first, null);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new JsonParseException(p, "unexpected content after the JSON value: " + trailing);
        }
        return value;
    }

    private static JsonNode readValue(JsonParser p, JsonToken t, JsonStreamContext outside) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    // before the value is read, so that the first repeat in the text is the one named, as the stream has it
                    if (object.get(name) != null) {
                        throw new DuplicateKeyException(name, where(p.getParsingContext(), outside));
                    }
                    object.set(name, readValue(p, p.nextToken(), outside));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    array.add(readValue(p, v, outside));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** Compact JSON, non-ASCII written as UTF-8. */
    public String write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(node, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public void write(JsonNode node, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            writeValue(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator that writes as {@link #write(JsonNode)} does into {@code out}, and on close neither closes nor
     * flushes it: one line of output among thousands must not cost a write to the terminal or pipe.
     */
    public JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return g;
    }

    /** The tree into a generator the caller is writing with (a field's value, say). */
    public void write(JsonGenerator g, JsonNode node) throws IOException {
        writeValue(g, node);
    }

    private static void writeValue(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    writeValue(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    g.writeNumber(node.bigIntegerValue());
                } else {
                    g.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            default -> g.writeNull();
        }
    }
}
