package cloudtrail.notifier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema written in the part of JSON Schema the chat notification's schema
 * uses: type (object, array, string), const, required, properties, additionalProperties (false, or a
 * schema), items, minItems, maxItems, minLength, maxLength (in characters, as code points), pattern (the
 * whole string). A keyword outside that subset fails the check, so the schema cannot say more than is checked.
 */
public final class JsonSchemaSubset {
    private static final List<String> KNOWN = List.of("$comment", "type", "const", "required", "properties",
            "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern");

    private JsonSchemaSubset() {}

    /** @return every violation, as "path: what", empty when the value fits */
    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        schema.fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) {
                out.add(path + ": the schema uses '" + k + "', which this checker does not know");
            }
        });
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(path + ": must be " + schema.get("const") + ", is " + value);
        }
        String type = schema.path("type").asText(null);
        if (type != null) {
            boolean ok = switch (type) {
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                case "string" -> value.isTextual();
                default -> false;
            };
            if (!ok) {
                out.add(path + ": must be " + type + ", is " + value.getNodeType());
                return;
            }
        }
        if (value.isTextual()) {
            int chars = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && chars < schema.get("minLength").asInt()) {
                out.add(path + ": shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("maxLength") && chars > schema.get("maxLength").asInt()) {
                out.add(path + ": " + chars + " characters, more than " + schema.get("maxLength").asInt());
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).matches()) {
                out.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": " + value.size() + " items, more than " + schema.get("maxItems").asInt());
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    out.add(path + ": lacks " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            value.properties().forEach(p -> {
                if (properties.has(p.getKey())) {
                    check(properties.get(p.getKey()), p.getValue(), path + "." + p.getKey(), out);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    out.add(path + ": has " + p.getKey() + ", which the schema does not allow");
                } else if (additional != null && additional.isObject()) {
                    check(additional, p.getValue(), path + "." + p.getKey(), out);
                }
            });
        }
    }
}
