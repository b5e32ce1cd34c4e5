package cloudtrail.notifier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A dotted path into a record, as the catalog writes it: {@code requestParameters.instancesSet.items[].instanceId}.
 * {@code []} walks every element of an array; so does a step that meets an array where the path expects an
 * object, because services write one element as an object and several as an array (S3's replication
 * rules); an array at the end of the path gives its elements.
 */
public record JsonPath(String text, List<Step> steps) {
    record Step(String field, boolean each) {}

    public static JsonPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        List<Step> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            boolean each = part.endsWith("[]");
            String field = each ? part.substring(0, part.length() - 2) : part;
            if (field.isEmpty()) {
                throw new IllegalArgumentException("empty step in path '" + text + "'");
            }
            steps.add(new Step(field, each));
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    /** The last field's name: what a value at the path is called when the catalog gives no kind. */
    public String leaf() {
        return steps.get(steps.size() - 1).field();
    }

    /** The first field: the record field the path starts from. */
    public String root() {
        return steps.get(0).field();
    }

    /** Every value the path reaches, arrays at the end flattened; empty when it reaches nothing. */
    public List<JsonNode> values(JsonNode record) {
        List<JsonNode> current = List.of(record);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : elements(current)) {
                JsonNode child = node == null || !node.isObject() ? null : node.get(step.field());
                if (child == null || child.isNull() || child.isMissingNode()) {
                    continue;
                }
                if (step.each() && child.isArray()) {
                    child.forEach(e -> {
                        if (!e.isNull()) { // [null] holds nothing: never shown as "null"
                            next.add(e);
                        }
                    });
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : current) {
            if (node.isArray()) {
                node.forEach(e -> {
                    if (!e.isNull()) {
                        out.add(e);
                    }
                });
            } else {
                out.add(node);
            }
        }
        return out;
    }

    private static List<JsonNode> elements(List<JsonNode> nodes) {
        List<JsonNode> out = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (node != null && node.isArray()) {
                node.forEach(out::add);
            } else {
                out.add(node);
            }
        }
        return out;
    }

    /** The values that are text or numbers, as text. */
    public List<String> texts(JsonNode record) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : values(record)) {
            if (node.isValueNode() && !node.isNull()) {
                out.add(node.asText());
            }
        }
        return out;
    }
}
