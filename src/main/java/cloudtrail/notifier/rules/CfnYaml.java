package cloudtrail.notifier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation YAML template into the JSON form CloudFormation itself uses: "!Ref X"
 * becomes {"Ref": "X"}, "!If [...]" becomes {"Fn::If": [...]}, "!GetAtt A.B" becomes
 * {"Fn::GetAtt": ["A", "B"]}. A plain YAML reader drops the tags and with them the meaning.
 */
public final class CfnYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CfnYaml() {}

    public static JsonNode read(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        org.yaml.snakeyaml.DumperOptions dumper = new org.yaml.snakeyaml.DumperOptions();
        Object value = new Yaml(new IntrinsicConstructor(options), new org.yaml.snakeyaml.representer.Representer(dumper),
                dumper, options, new CoreSchemaResolver()).load(yaml);
        return toJson(value);
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }

    /**
     * YAML 1.1 reads yes/no/on/off as booleans; CloudFormation templates mean them as text (a condition
     * named On, an MFAUsed value of No). Only true and false are booleans here, as in YAML 1.2.
     */
    private static final class CoreSchemaResolver extends org.yaml.snakeyaml.resolver.Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL,
                    java.util.regex.Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }

    /** Turns every "!Name" tag into the {"Fn::Name": value} form ({"Ref": value} for !Ref, {"Condition": ...}). */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
        }

        @Override
        protected org.yaml.snakeyaml.constructor.Construct getConstructor(Node node) {
            String tag = node.getTag().getValue();
            if (tag.startsWith("!") && !tag.startsWith("!!")) {
                return new AbstractConstruct() {
                    @Override
                    public Object construct(Node n) {
                        return intrinsic(tag.substring(1), n);
                    }
                };
            }
            return super.getConstructor(node);
        }

        private Object intrinsic(String name, Node node) {
            Object argument;
            if (node instanceof ScalarNode scalar) {
                String text = scalar.getValue();
                argument = name.equals("GetAtt") && text.contains(".")
                        ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                        : text;
            } else if (node instanceof SequenceNode sequence) {
                argument = constructSequence(sequence);
            } else {
                argument = constructMapping((MappingNode) node);
            }
            String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            ObjectNode object = NODES.objectNode();
            object.set(key, toJson(argument));
            return object;
        }
    }
}
