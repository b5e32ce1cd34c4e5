package cloudtrail.notifier.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** One change to a record at a path: the unit a failing case is shrunk by. */
record Mutation(List<Object> path, Kind kind, int size) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind {
        DROP, NULL, TO_STRING, TO_NUMBER, TO_BOOLEAN, TO_OBJECT, TO_ARRAY, DEEP_NEST, HUGE_STRING,
        LONE_SURROGATE, BIDI_CONTROLS, LINE_BREAKS, INVISIBLE, INVALID_TIMESTAMP
    }

    /** Fields whose odd values a reader would notice most: always among the candidates. */
    private static final String[] HOT_FIELDS = {
        "eventTime", "userIdentity", "eventName", "eventSource", "userAgent", "sourceIPAddress", "errorCode",
        "errorMessage", "requestParameters", "responseElements", "awsRegion", "eventID", "readOnly",
        "recipientAccountId", "additionalEventData", "serviceEventDetails", "resources", "eventType"
    };

    static List<Mutation> generate(JsonNode record, Random random) {
        List<List<Object>> paths = new ArrayList<>();
        collect(record, new ArrayList<>(), paths, 0);
        for (String field : HOT_FIELDS) {
            paths.add(List.of(field));
        }
        int count = 1 + random.nextInt(4);
        List<Mutation> out = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            List<Object> path = paths.get(random.nextInt(paths.size()));
            Kind kind = random.nextInt(6) == 0 && path.size() == 1 && path.get(0).equals("eventTime")
                    ? Kind.INVALID_TIMESTAMP : kinds[random.nextInt(kinds.length)];
            int size = switch (kind) {
                case DEEP_NEST -> 50 + random.nextInt(1_500);
                case HUGE_STRING -> 100_000;
                default -> random.nextInt(1_000);
            };
            out.add(new Mutation(path, kind, size));
        }
        return out;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                out.add(child);
                collect(node.get(name), child, out, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                out.add(child);
                collect(node.get(i), child, out, depth + 1);
            }
        }
    }

    /** Applies the change to the record in place; a path that no longer exists is created or skipped. */
    void apply(ObjectNode record) {
        JsonNode parent = record;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof String s ? parent.get(s) : parent.isArray() ? parent.get((Integer) step) : null;
            if (next == null || !next.isContainerNode()) {
                return;
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        JsonNode current = last instanceof String s ? parent.get(s) : parent.isArray() ? parent.get((Integer) last) : null;
        if (kind == Kind.DROP) {
            if (parent instanceof ObjectNode o && last instanceof String s) {
                o.remove(s);
            } else if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
                a.remove(i);
            }
            return;
        }
        JsonNode value = replacement(current);
        if (parent instanceof ObjectNode o && last instanceof String s) {
            o.set(s, value);
        } else if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
            a.set(i, value);
        }
    }

    private JsonNode replacement(JsonNode current) {
        String text = current != null && current.isTextual() ? current.textValue() : "value";
        return switch (kind) {
            case NULL -> NODES.nullNode();
            case TO_STRING -> NODES.textNode(current == null ? "" : current.isValueNode() ? current.asText()
                    : current.isObject() ? "{\"type\": \"IAMUser\"}" : "[1, 2]");
            case TO_NUMBER -> NODES.numberNode(size % 2 == 0 ? size : -size * 1.5e300);
            case TO_BOOLEAN -> NODES.booleanNode(size % 2 == 0);
            case TO_OBJECT -> NODES.objectNode().put("type", text).set("nested", current == null ? NODES.nullNode() : current.deepCopy());
            case TO_ARRAY -> NODES.arrayNode().add(current == null ? NODES.nullNode() : current.deepCopy()).add(text);
            case DEEP_NEST -> {
                JsonNode nested = NODES.textNode(text);
                for (int i = 0; i < size; i++) {
                    nested = i % 2 == 0 ? NODES.arrayNode().add(nested) : NODES.objectNode().set("k", nested);
                }
                yield nested;
            }
            case HUGE_STRING -> NODES.textNode("長".repeat(size / 2) + "x".repeat(size - size / 2));
            case LONE_SURROGATE -> NODES.textNode(text + "\uD800" + "tail\uDC00");
            case BIDI_CONTROLS -> NODES.textNode("\u202Egnp.exe\u202C\u2066" + text + "\u2069\u200F");
            case LINE_BREAKS -> NODES.textNode(text + "\n結果: 成功\r\n実行者: admin\u2028重要度: 情報\u0000\u0085");
            case INVISIBLE -> NODES.textNode("ops\u2060-\u0430dmin" + text + "\u200D\u2062\u180E\u00AD\u034F\u3164\u115F\uFFA0\u2800"
                    + "\uDB40\uDC41\uFFF9\uFE00" + "\u3000".repeat(300) + "結果: 成功");
            case INVALID_TIMESTAMP -> NODES.textNode(switch (size % 5) {
                case 0 -> "2023-13-45T99:99:99Z";
                case 1 -> "yesterday";
                case 2 -> "";
                case 3 -> "2023-02-29T10:00:00Z";
                default -> "+999999999-12-31T23:59:59Z";
            });
            case DROP -> throw new IllegalStateException("handled by apply");
        };
    }

    @Override
    public String toString() {
        return kind + " at " + path + (kind == Kind.DEEP_NEST || kind == Kind.INVALID_TIMESTAMP ? " (" + size + ")" : "");
    }
}
