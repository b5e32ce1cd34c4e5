package cloudtrail.notifier.catalog;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pattern cannot say: comparing accounts, reading a policy document. Each check is named in the
 * catalog with the path of the value it reads.
 */
public sealed interface Check {
    /** A 12-digit account ID on its own or inside an ARN (arn:aws:iam::111122223333:root). */
    Pattern ACCOUNT = Pattern.compile("(?:^|:)(\\d{12})(?::|$)");
    /** Policies are short; one that is not is not read (and the check does not hold). */
    int MAX_POLICY_CHARS = 200_000;

    JsonPath path();

    /** The name the catalog gives the check: other-account, policy-public, policy-other-account, policy-admin. */
    default String name() {
        return switch (this) {
            case OtherAccount c -> "other-account";
            case PolicyPublic c -> "policy-public";
            case PolicyOtherAccount c -> "policy-other-account";
            case PolicyAdmin c -> "policy-admin";
        };
    }

    /** @param ownAccount the account the event happened in; null when the record does not say */
    boolean holds(JsonNode record, String ownAccount, PolicyReader policies);

    static Check of(JsonNode spec) {
        String name = spec.path("name").asText(null);
        String path = spec.path("path").asText(null);
        if (name == null || path == null) {
            throw new IllegalArgumentException("a check has a name and a path: " + spec);
        }
        JsonPath p = JsonPath.parse(path);
        return switch (name) {
            case "other-account" -> new OtherAccount(p);
            case "policy-public" -> new PolicyPublic(p);
            case "policy-other-account" -> new PolicyOtherAccount(p);
            case "policy-admin" -> new PolicyAdmin(p);
            default -> throw new IllegalArgumentException("unknown check '" + name + "': " + spec);
        };
    }

    /** A value at the path is another account's ID, or names one in an ARN. */
    record OtherAccount(JsonPath path) implements Check {
        @Override
        public boolean holds(JsonNode record, String ownAccount, PolicyReader policies) {
            for (String value : path.texts(record)) {
                if (isOtherAccount(value, ownAccount)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The policy at the path allows everyone, with no condition to narrow it. */
    record PolicyPublic(JsonPath path) implements Check {
        @Override
        public boolean holds(JsonNode record, String ownAccount, PolicyReader policies) {
            for (JsonNode statement : policies.allowStatements(path, record)) {
                if (!statement.has("Condition") && principals(statement).contains("*")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The policy at the path allows a principal of another account. */
    record PolicyOtherAccount(JsonPath path) implements Check {
        @Override
        public boolean holds(JsonNode record, String ownAccount, PolicyReader policies) {
            for (JsonNode statement : policies.allowStatements(path, record)) {
                for (String principal : principals(statement)) {
                    if (isOtherAccount(principal, ownAccount)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The policy at the path allows every action on every resource. */
    record PolicyAdmin(JsonPath path) implements Check {
        @Override
        public boolean holds(JsonNode record, String ownAccount, PolicyReader policies) {
            for (JsonNode statement : policies.allowStatements(path, record)) {
                List<String> actions = strings(statement.get("Action"));
                List<String> resources = strings(statement.get("Resource"));
                if ((actions.contains("*") || actions.contains("*:*")) && resources.contains("*")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean isOtherAccount(String value, String ownAccount) {
        Matcher m = ACCOUNT.matcher(value.trim());
        while (m.find()) {
            if (!m.group(1).equals(ownAccount)) {
                return true;
            }
        }
        return false;
    }

    /** "*", {"AWS": "*"}, {"AWS": ["arn…", "111122223333"]}: the AWS principals (and "*"), as text. */
    private static List<String> principals(JsonNode statement) {
        JsonNode principal = statement.get("Principal");
        List<String> out = new ArrayList<>();
        if (principal == null) {
            return out;
        }
        if (principal.isTextual()) {
            out.add(principal.asText());
        } else if (principal.isObject()) {
            out.addAll(strings(principal.get("AWS")));
            if (strings(principal.get("CanonicalUser")).contains("*") || strings(principal.get("Federated")).contains("*")) {
                out.add("*");
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    /** Reads policy documents, which CloudTrail records as JSON text or as an object. */
    final class PolicyReader {
        private final JsonTrees json;

        public PolicyReader(JsonTrees json) {
            this.json = json;
        }

        /** The statements with "Effect": "Allow" of every policy the path reaches; none if unreadable. */
        List<JsonNode> allowStatements(JsonPath path, JsonNode record) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode value : path.values(record)) {
                JsonNode policy = value;
                if (value.isTextual()) {
                    policy = parse(value.asText());
                }
                if (policy == null || !policy.isObject()) {
                    continue;
                }
                JsonNode statements = policy.get("Statement");
                if (statements == null) {
                    continue;
                }
                for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
                    if (s.isObject() && "Allow".equals(s.path("Effect").asText())) {
                        out.add(s);
                    }
                }
            }
            return out;
        }

        private JsonNode parse(String text) {
            if (text.length() > MAX_POLICY_CHARS) {
                return null;
            }
            try {
                return json.read(text);
            } catch (java.io.IOException | RuntimeException e) {
                return null; // not a policy we can read: the check does not hold
            }
        }
    }
}
