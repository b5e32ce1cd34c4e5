package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.event.Redactor;
import cloudtrail.notifier.event.ResourceRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what an event acted on. Each service names its resources differently in requestParameters
 * and responseElements, so the services people watch most get their own reading; anything else
 * falls back to the record's resources list, then to a bounded sample of its request parameters.
 */
public final class ResourceExtractor {
    static final int MAX_TARGETS = 20;
    static final int MAX_GENERIC = 8;
    /** The generic fallback does not follow nesting deeper than this: it is a sample, not a dump. */
    private static final int MAX_GENERIC_DEPTH = 6;

    /** Found targets, and how many more there were than a notification lists. */
    public record Found(List<Target> targets, int omitted) {}


    /**
     * What a call touched when the catalog does not say: a bounded sample of its request (secrets
     * withheld), or, for an Insights event, the rates and callers it compares.
     */
    public Found extract(CloudTrailRecord r, Language language) {
        Collector c = new Collector();
        if (r.isInsight()) {
            insight(r.insightDetails(), c);
        } else {
            generic(r.requestParameters(), c);
        }
        return new Found(List.copyOf(c.targets), c.omitted);
    }

    /**
     * A target the catalog names by a format, because what it means takes code to say: a security group
     * rule's direction, protocol, ports and peer, a network ACL entry, an account being created.
     *
     * @param node the value at the target's path
     * @throws IllegalArgumentException for a format nobody wrote
     */
    public static List<String> format(String name, JsonNode node, CloudTrailRecord r, Language language) {
        List<String> out = new ArrayList<>();
        switch (name) {
            case "security-group-rules" -> {
                boolean egress = r.eventName() != null && r.eventName().contains("Egress");
                String group = Coalesce.first(Json.text(node, "groupId"), Json.text(node, "groupName"));
                for (JsonNode permission : items(node, "ipPermissions")) {
                    addIfPresent(out, securityGroupRule(group, permission, egress, language));
                }
            }
            case "security-group-rule-changes" -> {
                for (JsonNode rule : arrayOrSelf(node.get("SecurityGroupRule"))) {
                    addIfPresent(out, modifiedRule(rule, language));
                }
            }
            case "network-acl-entry" -> {
                if (node.has("ruleNumber")) {
                    out.add(networkAclEntry(node, language));
                }
            }
            case "organization-account-status" -> out.add(accountStatus(node, language));
            default -> throw new IllegalArgumentException("unknown target format '" + name + "'");
        }
        return out;
    }

    /** The formats {@link #format} knows, for the catalog's consistency test. */
    public static final Set<String> FORMATS =
            Set.of("security-group-rules", "security-group-rule-changes", "network-acl-entry", "organization-account-status");

    /** "sg-0123: inbound tcp 22 from 0.0.0.0/0". */
    private static String securityGroupRule(String group, JsonNode p, boolean egress, Language language) {
        List<String> peers = new ArrayList<>();
        for (JsonNode r : items(p, "ipRanges")) {
            addIfPresent(peers, Json.text(r, "cidrIp"));
        }
        for (JsonNode r : items(p, "ipv6Ranges")) {
            addIfPresent(peers, Json.text(r, "cidrIpv6"));
        }
        for (JsonNode r : items(p, "groups")) {
            addIfPresent(peers, Coalesce.first(Json.text(r, "groupId"), Json.text(r, "groupName")));
        }
        for (JsonNode r : items(p, "prefixListIds")) {
            addIfPresent(peers, Json.text(r, "prefixListId"));
        }
        String rule = rule(egress, Json.text(p, "ipProtocol"), Json.text(p, "fromPort"), Json.text(p, "toPort"),
                peers.isEmpty() ? null : String.join(", ", peers), language);
        return group == null ? rule : group + ": " + rule;
    }

    /** ModifySecurityGroupRules: {"SecurityGroupRuleId": "sgr-...", "SecurityGroupRule": {...}}. */
    private static String modifiedRule(JsonNode entry, Language language) {
        String id = Json.text(entry, "SecurityGroupRuleId");
        JsonNode rule = Json.object(entry, "SecurityGroupRule");
        if (rule == null) {
            return id;
        }
        String peer = Coalesce.first(Json.text(rule, "CidrIpv4"), Json.text(rule, "CidrIpv6"),
                Json.text(rule, "ReferencedGroupId"), Json.text(rule, "PrefixListId"));
        String text = rule(Boolean.TRUE.equals(Json.bool(rule.get("IsEgress"))), Json.text(rule, "IpProtocol"),
                Json.text(rule, "FromPort"), Json.text(rule, "ToPort"), peer, language);
        return id == null ? text : id + ": " + text;
    }

    /** "acl-0123 #100: inbound allow all protocols from 0.0.0.0/0". */
    private static String networkAclEntry(JsonNode req, Language language) {
        JsonNode range = Json.object(req, "portRange");
        String action = Json.text(req, "ruleAction");
        String actionText = "allow".equalsIgnoreCase(action) ? Msg.ALLOW.in(language)
                : "deny".equalsIgnoreCase(action) ? Msg.DENY.in(language) : action;
        // CloudTrail writes the NACL protocol as aclProtocol; the API's own name is protocol.
        String protocol = Coalesce.first(Json.text(req, "aclProtocol"), Json.text(req, "protocol"));
        String rule = rule(Boolean.TRUE.equals(Json.bool(req.get("egress"))), protocol,
                Json.text(range, "from"), Json.text(range, "to"),
                Coalesce.first(Json.text(req, "cidrBlock"), Json.text(req, "ipv6CidrBlock")), language);
        StringBuilder b = new StringBuilder();
        String acl = Json.text(req, "networkAclId");
        if (acl != null) {
            b.append(acl).append(' ');
        }
        b.append('#').append(Coalesce.first(Json.text(req, "ruleNumber"), "?")).append(": ");
        if (actionText != null) {
            int space = rule.indexOf(' ');
            // the action reads after the direction: "inbound allow tcp 22 ..."
            b.append(rule, 0, space).append(' ').append(actionText).append(rule.substring(space));
        } else {
            b.append(rule);
        }
        return b.toString();
    }

    private static String rule(boolean egress, String protocol, String from, String to, String peer, Language language) {
        StringBuilder b = new StringBuilder(64);
        b.append((egress ? Msg.OUTBOUND : Msg.INBOUND).in(language)).append(' ').append(protocolName(protocol, language));
        String ports = ports(from, to);
        if (ports != null) {
            b.append(' ').append(ports);
        }
        if (peer != null) {
            b.append(' ').append((egress ? Msg.TO_PEER : Msg.FROM_PEER).format(language, peer));
        }
        return b.toString();
    }

    /** EC2 writes protocols as names or IANA numbers; -1 means every protocol. */
    private static String protocolName(String protocol, Language language) {
        if (protocol == null || protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            return Msg.ALL_PROTOCOLS.in(language);
        }
        return switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> protocol;
        };
    }

    private static String ports(String from, String to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || "-1".equals(from)) {
            return to == null || "-1".equals(to) ? null : to;
        }
        if (to == null || to.equals(from)) {
            return from;
        }
        return from + "-" + to;
    }

    /** "444455556666 (name Prod, state SUCCEEDED)": the new account may not have an ID yet. */
    private static String accountStatus(JsonNode status, Language language) {
        String id = Json.text(status, "accountId");
        String name = Json.text(status, "accountName");
        String state = Json.text(status, "state");
        String request = Json.text(status, "id");
        StringBuilder b = new StringBuilder();
        b.append(id != null ? id : Msg.NOT_YET_ASSIGNED.in(language));
        List<String> parts = new ArrayList<>(3);
        if (name != null) {
            parts.add(Msg.ACCOUNT_NAME.format(language, name));
        }
        if (state != null) {
            parts.add(Msg.STATE.format(language, state));
        }
        if (request != null) {
            parts.add(Msg.REQUEST.format(language, request));
        }
        if (!parts.isEmpty()) {
            b.append(language == Language.JA ? "（" : " (").append(String.join(language == Language.JA ? "、" : ", ", parts))
                    .append(language == Language.JA ? "）" : ")");
        }
        return b.toString();
    }

    /** What an Insights event is about: the rates it compares, and who or what drove the unusual one. */
    private static void insight(JsonNode details, Collector c) {
        c.addField("insightType", Json.text(details, "insightType"));
        c.addField("state", Json.text(details, "state"));
        JsonNode context = Json.object(details, "insightContext");
        JsonNode statistics = Json.object(context, "statistics");
        c.addField("baseline.average", Json.text(Json.object(statistics, "baseline"), "average"));
        c.addField("insight.average", Json.text(Json.object(statistics, "insight"), "average"));
        c.addField("insightDuration", Json.text(statistics, "insightDuration"));
        JsonNode attributions = context == null ? null : context.get("attributions");
        if (attributions != null && attributions.isArray()) {
            for (JsonNode a : attributions) {
                String attribute = Json.text(a, "attribute");
                JsonNode top = a.get("insight");
                if (attribute != null && top != null && top.isArray() && !top.isEmpty()) {
                    c.addField(attribute, Json.text(top.get(0), "value"));
                }
            }
        }
    }

    /** A sample of the request: leaf values by their path, secrets withheld, at most MAX_GENERIC. */
    private static void generic(JsonNode req, Collector c) {
        // S3 writes the endpoint it was called on as requestParameters.Host: not a target.
        JsonLeaves.Sample sample = JsonLeaves.sample(req, Set.of("Host"), MAX_GENERIC, MAX_GENERIC_DEPTH);
        for (JsonLeaves.Leaf leaf : sample.leaves()) {
            String path = leaf.path().isEmpty() ? "requestParameters" : leaf.path();
            c.addTarget(leaf.withheld() ? Target.withheldField(path) : Target.field(path, leaf.value()));
        }
        c.omitted += sample.omitted();
    }

    private static Iterable<JsonNode> items(JsonNode parent, String field) {
        if (parent == null) {
            return List.of();
        }
        JsonNode node = parent.get(field);
        if (node == null) {
            return List.of();
        }
        if (node.isObject()) {
            node = node.get("items");
        }
        return node != null && node.isArray() ? node : List.of();
    }

    private static Iterable<JsonNode> arrayOrSelf(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? node : List.of(node);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    /** Keeps targets in order, drops repeats, and counts what does not fit. */
    private static final class Collector {
        final List<Target> targets = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int omitted;

        void add(ResourceKind kind, String value) {
            if (value != null) {
                addTarget(Target.of(kind, value));
            }
        }

        void addField(String name, String value) {
            if (value != null) {
                addTarget(Redactor.WITHHELD.equals(value) ? Target.withheldField(name) : Target.field(name, value));
            }
        }

        void addTarget(Target t) {
            String key = t.kind() + "\u0000" + t.field() + "\u0000" + t.value();
            if (!seen.add(key)) {
                return;
            }
            if (targets.size() < MAX_TARGETS) {
                targets.add(t);
            } else {
                omitted++;
            }
        }

        boolean isEmpty() {
            return targets.isEmpty();
        }
    }
}
