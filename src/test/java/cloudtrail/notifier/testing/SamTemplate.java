package cloudtrail.notifier.testing;

import cloudtrail.notifier.rules.CfnYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        for (JsonNode resource : root.path("Resources")) {
            if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                return resource.path("Properties").path("Handler").asText();
            }
        }
        throw new IllegalStateException("template.yaml has no AWS::Serverless::Function");
    }
}
