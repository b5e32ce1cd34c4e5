package cloudtrail.notifier.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes JSON trees with jackson-core alone. An ObjectMapper costs a cold start a few
 * hundred classes of configuration it never uses here; the tree nodes themselves are cheap.
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

    /** @return the tree, or MissingNode-free null when the input holds no JSON value at all */
    public JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readDocument(p);
        }
    }

    public JsonNode read(String json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            return readDocument(p);
        }
    }

    private static JsonNode readDocument(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode value = readValue(p, first);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the JSON value: " + trailing);
        }
        return value;
    }

    private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, readValue(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    array.add(readValue(p, v));
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
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    /** Compact JSON, non-ASCII written as UTF-8. */
    public String write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(node, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public void write(JsonNode node, OutputStream out) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
