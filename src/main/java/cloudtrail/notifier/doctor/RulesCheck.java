package cloudtrail.notifier.doctor;

import cloudtrail.notifier.rules.CfnYaml;
import cloudtrail.notifier.rules.Rule;
import cloudtrail.notifier.rules.TemplateRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of the stack is in the state the template gives it with the stack's parameters. A rule
 * disabled by hand, or left ENABLED where it needs ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
 * (read-only calls never reach it then), silences its events, and CloudFormation does not put it back.
 */
record RulesCheck() implements Check {
    static final String RULE_TYPE = "AWS::Events::Rule";

    @Override
    public Topic topic() {
        return Topic.RULES;
    }

    @Override
    public String permissions() {
        return "cloudformation:DescribeStacks, cloudformation:ListStackResources, events:DescribeRule";
    }

    @Override
    public CheckResult run(Context c) {
        Stack stack = c.stack();
        Map<String, Rule> expected;
        try {
            expected = expectedRules(c, stack.parameters());
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof NoSuchFileException ? "no such file" : Reasons.of(e);
            return CheckResult.unchecked(topic(), c.text(Text.RULES_NO_TEMPLATE, c.template(), reason), c.text(Text.RULES_NO_TEMPLATE_ADVICE));
        }
        List<String> wrong = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> notDeployed = new LinkedHashSet<>(expected.keySet());
        List<Stack.Resource> rules = stack.resourcesOfType(RULE_TYPE);
        for (Stack.Resource resource : rules) {
            notDeployed.remove(resource.logicalId());
            Rule wanted = expected.get(resource.logicalId());
            if (wanted == null) {
                unknown.add(resource.logicalId());
                continue;
            }
            RuleName name = RuleName.of(resource.physicalId());
            String actual = c.aws().events().describeRule(b -> b.name(name.rule()).eventBusName(name.bus())).stateAsString();
            if (!wanted.state().equals(actual)) {
                wrong.add(c.text(Text.RULE_WRONG_STATE, resource.logicalId(), actual, wanted.state()));
                fixes.add(command(c, name, wanted.state()));
            }
        }
        notDeployed.forEach(id -> wrong.add(c.text(Text.RULE_NOT_IN_STACK, id)));
        String unknownNote = unknown.isEmpty() ? null : c.text(Text.RULES_UNKNOWN, c.join(unknown), c.template());
        if (!wrong.isEmpty()) {
            List<String> advice = new ArrayList<>();
            if (!fixes.isEmpty()) {
                advice.add(c.text(Text.RULES_WRONG_ADVICE, String.join(" ; ", fixes)));
            }
            if (!notDeployed.isEmpty()) {
                advice.add(c.text(Text.RULES_MISSING_ADVICE));
            }
            if (unknownNote != null) {
                wrong.add(unknownNote);
            }
            return CheckResult.problem(topic(), c.join(wrong), String.join(" ", advice));
        }
        if (unknownNote != null) {
            return CheckResult.unchecked(topic(), unknownNote, c.text(Text.RULES_UNKNOWN_ADVICE));
        }
        return CheckResult.ok(topic(), c.text(Text.RULES_OK, rules.size()));
    }

    /** The template's rules with the stack's parameter values; parameters the template no longer declares are left out. */
    private static Map<String, Rule> expectedRules(Context c, Map<String, String> stackParameters) throws IOException {
        JsonNode template = CfnYaml.read(Files.readString(c.template(), StandardCharsets.UTF_8));
        Map<String, String> parameters = new LinkedHashMap<>();
        stackParameters.forEach((k, v) -> {
            if (template.path("Parameters").has(k)) {
                parameters.put(k, v);
            }
        });
        return TemplateRules.byLogicalId(template, parameters);
    }

    /** The CLI call that sets the state back; put-rule needs the pattern again, so it reads it from the rule. */
    private static String command(Context c, RuleName name, String state) {
        String target = "--region " + c.home().id() + (name.bus().equals(RuleName.DEFAULT_BUS) ? "" : " --event-bus-name " + name.bus())
                + " --name " + name.rule();
        return switch (state) {
            case Rule.ENABLED -> "aws events enable-rule " + target;
            case Rule.DISABLED -> "aws events disable-rule " + target;
            default -> "aws events put-rule " + target + " --state " + state
                    + " --event-pattern \"$(aws events describe-rule " + target + " --query EventPattern --output text)\"";
        };
    }

    /** CloudFormation's physical ID of a rule: its name, or "bus|name" for a rule on another bus than the default. */
    record RuleName(String bus, String rule) {
        static final String DEFAULT_BUS = "default";

        static RuleName of(String physicalId) {
            int bar = physicalId.indexOf('|');
            return bar < 0 ? new RuleName(DEFAULT_BUS, physicalId) : new RuleName(physicalId.substring(0, bar), physicalId.substring(bar + 1));
        }
    }
}
