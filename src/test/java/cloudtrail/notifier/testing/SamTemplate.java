package cloudtrail.notifier.testing;

import cloudtrail.notifier.rules.CfnYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** template.yaml as the tests read it, CloudFormation's short tags (!Ref ...) in their JSON form. */
public final class SamTemplate {
    public static final Path PATH = Path.of("template.yaml");
    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    public static SamTemplate load() throws IOException {
        return new SamTemplate(CfnYaml.read(Files.readString(PATH, StandardCharsets.UTF_8)));
    }

    public JsonNode root() {
        return root;
    }

    /** The Handler of the template's one AWS::Serverless::Function. */
    public String functionHandler() {
        return function().path("Handler").asText();
    }

    /** The Properties of the template's one AWS::Serverless::Function. */
    public JsonNode function() {
        for (JsonNode resource : root.path("Resources")) {
            if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                return resource.path("Properties");
            }
        }
        throw new IllegalStateException("template.yaml has no AWS::Serverless::Function");
    }

    /**
     * The template's EventBridge rules, the AWS::Events::Rule resources: their Properties by logical ID,
     * in the template's order.
     */
    public Map<String, JsonNode> rules() {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(r -> {
            if ("AWS::Events::Rule".equals(r.getValue().path("Type").asText())) {
                rules.put(r.getKey(), r.getValue().path("Properties"));
            }
        });
        return rules;
    }

    /**
     * The function's environment variables as CloudFormation would set them: a parameter's Ref is its
     * default, a resource's Ref is what {@code resources} says it resolves to (a topic's ARN, say).
     *
     * @throws IllegalStateException for any other value, so a new kind of value fails the tests that
     *     start the function rather than being passed on unresolved
     */
    public Map<String, String> functionEnvironment(Map<String, String> resources) {
        Map<String, String> env = new LinkedHashMap<>();
        function().path("Environment").path("Variables").properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            String resolved;
            if (value.isValueNode()) {
                resolved = value.asText();
            } else if (value.has("Ref") && root.path("Parameters").has(value.path("Ref").asText())) {
                resolved = root.path("Parameters").path(value.path("Ref").asText()).path("Default").asText();
            } else if (value.has("Ref") && resources.containsKey(value.path("Ref").asText())) {
                resolved = resources.get(value.path("Ref").asText());
            } else {
                throw new IllegalStateException("cannot resolve " + entry.getKey() + ": " + value);
            }
            env.put(entry.getKey(), resolved);
        });
        return env;
    }

    /** What Lambda sets from LoggingConfig: AWS_LAMBDA_LOG_FORMAT and, for JSON, AWS_LAMBDA_LOG_LEVEL. */
    public Map<String, String> loggingEnvironment() {
        JsonNode logging = function().path("LoggingConfig");
        Map<String, String> env = new LinkedHashMap<>();
        String format = logging.path("LogFormat").asText("Text");
        env.put("AWS_LAMBDA_LOG_FORMAT", format.toUpperCase(java.util.Locale.ROOT));
        if (format.equalsIgnoreCase("JSON") && logging.has("ApplicationLogLevel")) {
            env.put("AWS_LAMBDA_LOG_LEVEL", logging.path("ApplicationLogLevel").asText());
        }
        return env;
    }
}
