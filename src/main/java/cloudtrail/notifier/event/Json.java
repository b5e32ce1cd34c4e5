package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient reads of a JSON tree. CloudTrail's schema is loose (booleans arrive as strings, fields go
 * missing or turn null between API versions), so every read tolerates any JSON type.
 */
public final class Json {
    /** Containers turned into text are capped here: they are shown, never parsed again. */
    static final int MAX_CONTAINER_TEXT = 4_000;

    private Json() {}

    /** The value as text; null when the node is missing, JSON null, or an empty string. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            String s = node.textValue();
            return s.isEmpty() ? null : s;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder b = new StringBuilder(Math.min(256, MAX_CONTAINER_TEXT));
        compact(node, b, MAX_CONTAINER_TEXT);
        return b.length() > MAX_CONTAINER_TEXT ? b.substring(0, MAX_CONTAINER_TEXT) : b.toString();
    }

    /**
     * Compact JSON of a container, written only as far as it will be shown: a field may hold a
     * whole event's worth of nested data, of which a notification shows the first few thousand characters.
     * JSON nulls are left out: this is for reading, and a reader should never see "null".
     */
    private static void compact(JsonNode node, StringBuilder b, int limit) {
        if (b.length() > limit) {
            return;
        }
        if (node.isObject()) {
            b.append('{');
            boolean first = true;
            for (var it = node.fields(); it.hasNext() && b.length() <= limit; ) {
                var e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(e.getKey(), b);
                b.append(':');
                compact(e.getValue(), b, limit);
            }
            b.append('}');
        } else if (node.isArray()) {
            b.append('[');
            boolean first = true;
            for (int i = 0; i < node.size() && b.length() <= limit; i++) {
                if (node.get(i).isNull()) {
                    continue;
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                compact(node.get(i), b, limit);
            }
            b.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), b);
        } else {
            b.append(node.asText());
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }

    public static String text(JsonNode parent, String field) {
        return parent == null ? null : text(parent.get(field));
    }

    /** CloudTrail writes booleans both as JSON booleans and as "true"/"false" strings. */
    public static Boolean bool(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String s = node.textValue().trim();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** The child when it is a JSON object, otherwise null. */
    public static JsonNode object(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode child = parent.get(field);
        return child != null && child.isObject() ? child : null;
    }

    /**
     * The child when it is a JSON object or array, otherwise null. The per-API parts of a record are
     * containers; exports write a missing one as null or even as the string "null".
     */
    public static JsonNode container(JsonNode parent, String field) {
        JsonNode child = parent == null ? null : parent.get(field);
        return child != null && child.isContainerNode() ? child : null;
    }

    /** The number when the node is numeric or a numeric string; otherwise null. */
    public static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                double d = Double.parseDouble(node.textValue().trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
