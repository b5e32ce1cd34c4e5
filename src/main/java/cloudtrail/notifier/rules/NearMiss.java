package cloudtrail.notifier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Explains why no rule matched: the rule whose pattern the event satisfies furthest, and the first
 * field that stopped it. Only for the explanation; whether a rule matches is event-ruler's call.
 * Understands the pattern forms the template uses: exact values, prefix, suffix, anything-but,
 * exists, equals-ignore-case, wildcard and numeric.
 */
public final class NearMiss {
    /** The closest rule, how many of its fields the event satisfied, and the first one it did not. */
    public record Diagnosis(Rule rule, int satisfied, int fields, String field, String expected, String actual) {}

    private NearMiss() {}

    public static Diagnosis closest(List<Rule> rules, JsonNode event) {
        Diagnosis best = null;
        for (Rule rule : rules) {
            Diagnosis d = diagnose(rule, event);
            if (best == null || d.satisfied() > best.satisfied()
                    || (d.satisfied() == best.satisfied() && d.fields() < best.fields())) {
                best = d;
            }
        }
        return best;
    }

    static Diagnosis diagnose(Rule rule, JsonNode event) {
        List<String[]> failures = new ArrayList<>();
        int[] counts = new int[2]; // satisfied, total
        walk(rule.pattern(), event, "", failures, counts);
        String[] first = failures.isEmpty() ? new String[3] : failures.get(0);
        return new Diagnosis(rule, counts[0], counts[1], first[0], first[1], first[2]);
    }

    private static void walk(JsonNode pattern, JsonNode event, String path, List<String[]> failures, int[] counts) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = event == null ? null : event.get(field.getKey());
            if (field.getValue().isObject()) {
                walk(field.getValue(), value != null && value.isObject() ? value : null, childPath, failures, counts);
                continue;
            }
            counts[1]++;
            if (matchesAny(field.getValue(), value)) {
                counts[0]++;
            } else {
                failures.add(new String[] {childPath, field.getValue().toString(), value == null ? "(absent)" : value.toString()});
            }
        }
    }

    private static boolean matchesAny(JsonNode matchers, JsonNode value) {
        if (!matchers.isArray()) {
            return false;
        }
        for (JsonNode matcher : matchers) {
            if (value != null && value.isArray()) {
                for (JsonNode v : value) {
                    if (matches(matcher, v)) {
                        return true;
                    }
                }
            } else if (matches(matcher, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode matcher, JsonNode value) {
        boolean present = value != null && !value.isMissingNode();
        if (!matcher.isObject()) {
            return present && (matcher.isNull() ? value.isNull() : matcher.equals(value)
                    || (matcher.isNumber() && value.isNumber() && matcher.doubleValue() == value.doubleValue()));
        }
        String op = matcher.fieldNames().next();
        JsonNode arg = matcher.get(op);
        return switch (op) {
            case "exists" -> arg.asBoolean() == (present && !value.isNull());
            case "prefix" -> present && value.isTextual() && value.asText().startsWith(arg.asText());
            case "suffix" -> present && value.isTextual() && value.asText().endsWith(arg.asText());
            case "equals-ignore-case" -> present && value.isTextual() && value.asText().equalsIgnoreCase(arg.asText());
            case "wildcard" -> present && value.isTextual() && value.asText().matches(wildcard(arg.asText()));
            case "anything-but" -> present && !anythingBut(arg, value);
            case "numeric" -> present && value.isNumber() && numeric(arg, value.doubleValue());
            default -> false;
        };
    }

    private static boolean anythingBut(JsonNode excluded, JsonNode value) {
        if (excluded.isArray()) {
            for (JsonNode e : excluded) {
                if (e.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (excluded.isObject() && excluded.has("prefix")) {
            return value.asText().startsWith(excluded.get("prefix").asText());
        }
        return excluded.equals(value);
    }

    private static boolean numeric(JsonNode conditions, double v) {
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            double bound = conditions.get(i + 1).asDouble();
            boolean ok = switch (conditions.get(i).asText()) {
                case ">" -> v > bound;
                case ">=" -> v >= bound;
                case "<" -> v < bound;
                case "<=" -> v <= bound;
                case "=" -> v == bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String wildcard(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            parts.add(java.util.regex.Pattern.quote(part));
        }
        return String.join(".*", parts);
    }
}
