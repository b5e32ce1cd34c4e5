package cloudtrail.notifier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge rules a template deploys, read the way CloudFormation would deploy them with the
 * parameters' defaults (or the values given): plain AWS::Events::Rule resources (template.yaml's rules,
 * which target its queue) and SAM functions' EventBridgeRule events (a template from before the queue),
 * their patterns with Ref filled in, their State with Fn::If decided.
 */
public final class TemplateRules {
    private final JsonNode template;
    private final Map<String, JsonNode> parameters = new HashMap<>();

    private TemplateRules(JsonNode template, Map<String, String> overrides) {
        this.template = template;
        JsonNode declared = template.path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String value = overrides.containsKey(p.getKey()) ? overrides.get(p.getKey())
                    : p.getValue().path("Default").isMissingNode() ? null : p.getValue().path("Default").asText();
            boolean list = p.getValue().path("Type").asText().startsWith("CommaDelimitedList")
                    || p.getValue().path("Type").asText().startsWith("List<");
            parameters.put(p.getKey(), parameterValue(value, list));
        }
        for (String name : overrides.keySet()) {
            if (!declared.has(name)) {
                throw new IllegalArgumentException("the template has no parameter " + name);
            }
        }
    }

    public static List<Rule> load(Path template, Map<String, String> parameters) throws IOException {
        return new TemplateRules(CfnYaml.read(Files.readString(template, StandardCharsets.UTF_8)), parameters).rules();
    }

    public static List<Rule> of(JsonNode template, Map<String, String> parameters) {
        return new TemplateRules(template, parameters).rules();
    }

    /**
     * The same rules keyed by the logical ID CloudFormation gives them, so a deployed stack's resources
     * can be matched to what the template asked for: an AWS::Events::Rule resource's own logical ID, and
     * for a function's EventBridgeRule event the {@code <FunctionLogicalId><EventName>} SAM's transform
     * gives the rule it generates. A rule's name is its logical ID, or its event's name.
     */
    public static Map<String, Rule> byLogicalId(JsonNode template, Map<String, String> parameters) {
        return new TemplateRules(template, parameters).rulesByLogicalId();
    }

    private List<Rule> rules() {
        return new ArrayList<>(rulesByLogicalId().values());
    }

    private Map<String, Rule> rulesByLogicalId() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            if (type.equals("AWS::Events::Rule") && properties.has("EventPattern")) {
                rules.put(resource.getKey(), rule(resource.getKey(), properties.get("EventPattern"), properties.path("State")));
            } else if (type.equals("AWS::Serverless::Function")) {
                for (Iterator<Map.Entry<String, JsonNode>> events = properties.path("Events").fields(); events.hasNext(); ) {
                    Map.Entry<String, JsonNode> event = events.next();
                    String eventType = event.getValue().path("Type").asText();
                    JsonNode props = event.getValue().path("Properties");
                    if ((eventType.equals("EventBridgeRule") || eventType.equals("CloudWatchEvent")) && props.has("Pattern")) {
                        rules.put(resource.getKey() + event.getKey(), rule(event.getKey(), props.get("Pattern"), props.path("State")));
                    }
                }
            }
        }
        return rules;
    }

    private Rule rule(String name, JsonNode pattern, JsonNode state) {
        JsonNode resolvedState = resolve(state);
        String stateText = resolvedState.isMissingNode() || resolvedState.isNull() ? Rule.ENABLED : resolvedState.asText();
        return new Rule(name, resolve(pattern), stateText);
    }

    /** Fills in Ref (parameters) and decides Fn::If; other intrinsics are left as they are. */
    private JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode arg = node.get(key);
            if (key.equals("Ref") && parameters.containsKey(arg.asText())) {
                return parameters.get(arg.asText());
            }
            if (key.equals("Fn::If") && arg.isArray() && arg.size() == 3) {
                return resolve(condition(arg.get(0).asText()) ? arg.get(1) : arg.get(2));
            }
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                JsonNode resolved = resolve(item);
                // a list parameter inside a pattern's value list stands for its elements
                if (resolved.isArray() && item.isObject()) {
                    out.addAll((ArrayNode) resolved);
                } else {
                    out.add(resolved);
                }
            }
            return out;
        }
        return node;
    }

    private boolean condition(String name) {
        JsonNode definition = template.path("Conditions").path(name);
        if (definition.isMissingNode()) {
            throw new IllegalArgumentException("the template has no condition " + name);
        }
        return evaluate(definition);
    }

    private boolean evaluate(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String key = node.isObject() && node.size() == 1 ? node.fieldNames().next() : "";
        JsonNode arg = node.path(key);
        return switch (key) {
            case "Fn::Equals" -> value(arg.get(0)).equals(value(arg.get(1)));
            case "Fn::Not" -> !evaluate(arg.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode c : arg) {
                    all &= evaluate(c);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode c : arg) {
                    any |= evaluate(c);
                }
                yield any;
            }
            case "Condition" -> condition(arg.asText());
            default -> throw new IllegalArgumentException("cannot evaluate condition " + node);
        };
    }

    /** A condition operand as text: a literal, a parameter, or a list parameter joined. */
    private String value(JsonNode node) {
        JsonNode resolved = resolve(node);
        if (resolved.isObject() && resolved.has("Fn::Join")) {
            JsonNode join = resolved.get("Fn::Join");
            List<String> parts = new ArrayList<>();
            resolve(join.get(1)).forEach(p -> parts.add(p.asText()));
            return String.join(join.get(0).asText(), parts);
        }
        return resolved.asText();
    }

    private static JsonNode parameterValue(String value, boolean list) {
        if (!list) {
            return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        if (value != null) {
            for (String item : value.split(",", -1)) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
