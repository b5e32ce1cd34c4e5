package cloudtrail.notifier.render;

import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.event.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded sample of a free-form JSON tree as "path: value" leaves, for parts of an event whose
 * shape nobody here knows. The tree is the parser's, whose secrets are already withheld
 * (event.Redactor), so a leaf and the compact JSON shown for nesting deeper than the limit are safe
 * by construction.
 */
final class JsonLeaves {
    /** One leaf: its dotted path and value, or no value when the whole value was withheld. */
    record Leaf(String path, String value, boolean withheld) {}

    record Sample(List<Leaf> leaves, int omitted) {}

    private final int maxLeaves;
    private final int maxDepth;
    private final List<Leaf> leaves = new ArrayList<>();
    private int omitted;

    private JsonLeaves(int maxLeaves, int maxDepth) {
        this.maxLeaves = maxLeaves;
        this.maxDepth = maxDepth;
    }

    static Sample sample(JsonNode root, Set<String> skipTopLevel, int maxLeaves, int maxDepth) {
        JsonLeaves walker = new JsonLeaves(maxLeaves, maxDepth);
        if (root != null && root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!skipTopLevel.contains(e.getKey())) {
                    walker.walk(e.getValue(), e.getKey(), 1);
                }
            }
        } else if (root != null) {
            walker.walk(root, "", 0);
        }
        return new Sample(List.copyOf(walker.leaves), walker.omitted);
    }

    private void walk(JsonNode node, String path, int depth) {
        if (node.isContainerNode() && node.isEmpty()) {
            return; // an empty set or filter says nothing
        }
        if (node.isContainerNode() && depth < maxDepth) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    walk(e.getValue(), child, depth + 1);
                }
            } else {
                int i = 0;
                for (JsonNode item : node) {
                    walk(item, path + "[" + i++ + "]", depth + 1);
                }
            }
            return;
        }
        String value = Json.text(node);
        if (value == null) {
            return;
        }
        if (leaves.size() == maxLeaves) {
            omitted++;
            return;
        }
        leaves.add(Redactor.WITHHELD.equals(value) ? new Leaf(path, null, true) : new Leaf(path, value, false));
    }
}
