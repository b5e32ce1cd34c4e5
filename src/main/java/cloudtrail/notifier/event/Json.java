package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient reads of a JSON tree. CloudTrail's schema is loose (booleans arrive as strings, fields go
 * missing or turn null between API versions), so every read tolerates any JSON type.
 */
public final class Json {
    /** Containers turned into text are capped here: they are shown, never parsed again. */
    static final int MAX_CONTAINER_TEXT = 4_000;
    private static final JsonTrees WRITER = new JsonTrees();

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
        String s = WRITER.write(node);
        return s.length() > MAX_CONTAINER_TEXT ? s.substring(0, MAX_CONTAINER_TEXT) : s;
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
