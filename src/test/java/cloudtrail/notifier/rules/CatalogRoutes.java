package cloudtrail.notifier.rules;

import cloudtrail.notifier.testing.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The EventBridge rules that route what the catalog ranks critical, or as a foothold, to the function:
 * derived from the catalog, so that a risk the catalog knows is also a risk that reaches a reader.
 * Calls another rule of the template already routes are left to it (one event, one mail); denied calls
 * go to UnauthorizedApiCalls and the root user's to RootActivity; S3 object calls are data events and
 * are never routed (one mail per object written is a flood, not an alert). A call whose risk depends on
 * its request is routed only when the request matches the risk's pattern; the rest of the judgement is
 * the function's. The patterns are cut into rules of at most {@link #MAX_CHARS} characters
 * (EventBridge's limit is 4,096).
 *
 * <p>{@code CatalogRoutesTest} fails when template.yaml's RiskyChanges rules (AWS::Events::Rule resources
 * that target NotificationQueue) differ from these; run
 * {@code .ci/with-jdk mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cloudtrail.notifier.rules.CatalogRoutes} to print the rules to paste.
 */
public final class CatalogRoutes {
    static final String PREFIX = "RiskyChanges";
    static final int MAX_CHARS = 4_000;
    /** Warnings routed too: what an intruder does to stay (footholds, replaced code, a shell on an instance). */
    private static final Set<String> ROUTED_WARNINGS = Set.of("foothold", "code-change", "interactive-access");
    private static final Set<String> DATA_EVENTS = Set.of("PutObject", "CopyObject", "PutObjectAcl", "GetObject", "DeleteObject");
    private static final Path CATALOG = Path.of("src", "main", "resources", "cloudtrail", "notifier", "catalog");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogRoutes() {}

    /** The rules' patterns, in order: RiskyChanges1, RiskyChanges2, … */
    static List<ObjectNode> patterns() throws IOException {
        JsonNode reasons = MAPPER.readTree(Files.readString(CATALOG.resolve("reasons.json"), StandardCharsets.UTF_8));
        Set<String> covered = coveredByOtherRules();
        List<ObjectNode> branches = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(CATALOG.resolve("services"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            String source = root.path("eventSource").asText();
            Map<String, JsonNode> events = new TreeMap<>();
            root.path("events").properties().forEach(e -> events.put(e.getKey(), e.getValue()));
            List<String> whole = new ArrayList<>();
            List<ObjectNode> patterned = new ArrayList<>();
            events.forEach((name, entry) -> {
                if (covered.contains(source + " " + name) || DATA_EVENTS.contains(name)) {
                    return;
                }
                List<JsonNode> risks = new ArrayList<>();
                for (JsonNode r : entry.path("risks")) {
                    String reason = r.path("reason").asText();
                    JsonNode def = reasons.has(reason) ? reasons.get(reason) : root.path("reasons").path(reason);
                    if ("critical".equals(def.path("severity").asText()) || ROUTED_WARNINGS.contains(reason)) {
                        risks.add(r);
                    }
                }
                if (risks.isEmpty()) {
                    return;
                }
                if (risks.stream().anyMatch(r -> !r.has("pattern"))) {
                    whole.add(name);
                } else {
                    for (JsonNode r : risks) {
                        ObjectNode branch = MAPPER.createObjectNode();
                        branch.putArray("eventSource").add(source);
                        branch.putArray("eventName").add(name);
                        branch.setAll((ObjectNode) r.get("pattern").deepCopy());
                        patterned.add(branch);
                    }
                }
            });
            if (!whole.isEmpty()) {
                ObjectNode branch = MAPPER.createObjectNode();
                branch.putArray("eventSource").add(source);
                ArrayNode names = branch.putArray("eventName");
                whole.forEach(names::add);
                branches.add(branch);
            }
            branches.addAll(patterned);
        }
        List<ObjectNode> rules = new ArrayList<>();
        List<ObjectNode> current = new ArrayList<>();
        for (ObjectNode branch : branches) {
            current.add(branch);
            if (rule(current).toString().length() > MAX_CHARS) {
                current.remove(current.size() - 1);
                rules.add(rule(current));
                current = new ArrayList<>(List.of(branch));
            }
        }
        if (!current.isEmpty()) {
            rules.add(rule(current));
        }
        return rules;
    }

    private static ObjectNode rule(List<ObjectNode> branches) {
        ObjectNode pattern = MAPPER.createObjectNode();
        pattern.putArray("detail-type").add("AWS API Call via CloudTrail");
        ObjectNode detail = pattern.putObject("detail");
        if (branches.size() == 1) {
            detail.setAll(branches.get(0)); // "$or" takes two alternatives at least
        } else {
            ArrayNode or = detail.putArray("$or");
            branches.forEach(or::add);
        }
        detail.putArray("errorCode").addObject().put("exists", false);
        detail.putObject("userIdentity").putArray("type").addObject().put("anything-but", "Root");
        return pattern;
    }

    /** "eventSource eventName" of every call the template's other rules name. */
    private static Set<String> coveredByOtherRules() throws IOException {
        Set<String> covered = new HashSet<>();
        for (var rule : SamTemplate.load().rules().entrySet()) {
            if (rule.getKey().startsWith(PREFIX)) {
                continue; // the rules this class derives
            }
            JsonNode pattern = rule.getValue().path("EventPattern");
            for (JsonNode source : pattern.path("detail").path("eventSource")) {
                for (JsonNode name : pattern.path("detail").path("eventName")) {
                    if (name.isTextual()) {
                        covered.add(source.asText() + " " + name.asText());
                    }
                }
            }
        }
        return covered;
    }

    /** Prints the rules as template.yaml writes them, for pasting after a catalog change. */
    public static void main(String[] args) throws IOException {
        List<ObjectNode> rules = patterns();
        for (int i = 0; i < rules.size(); i++) {
            System.out.printf("""
                            # Generated from the catalog (rules.CatalogRoutes): what it ranks critical or as a foothold.
                            %s%d:
                              Type: AWS::Events::Rule
                              Properties:
                                State: !If [EnableRiskRules, !If [MonitorReadOnly, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, ENABLED], DISABLED]
                                EventPattern: %s
                                Targets:
                                  - Id: NotificationQueue
                                    Arn: !GetAtt NotificationQueue.Arn
                                    RetryPolicy:
                                      MaximumRetryAttempts: 8
                                      MaximumEventAgeInSeconds: 3600
                                    DeadLetterConfig:
                                      Arn: !GetAtt DeadLetterQueue.Arn
                            """.indent(2), PREFIX, i + 1, rules.get(i).toString());
        }
        System.out.println("rules: " + rules.size() + " (a new or removed one also goes in both queue policies' aws:SourceArn lists)");
    }
}
