package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.Json;
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

    private static final Map<String, ResourceKind> EC2_IDS = Map.ofEntries(
            Map.entry("instanceId", ResourceKind.EC2_INSTANCE),
            Map.entry("groupId", ResourceKind.SECURITY_GROUP),
            Map.entry("groupName", ResourceKind.SECURITY_GROUP),
            Map.entry("vpcId", ResourceKind.VPC),
            Map.entry("subnetId", ResourceKind.SUBNET),
            Map.entry("routeTableId", ResourceKind.ROUTE_TABLE),
            Map.entry("destinationCidrBlock", ResourceKind.ROUTE),
            Map.entry("destinationIpv6CidrBlock", ResourceKind.ROUTE),
            Map.entry("internetGatewayId", ResourceKind.GATEWAY),
            Map.entry("natGatewayId", ResourceKind.GATEWAY),
            Map.entry("customerGatewayId", ResourceKind.GATEWAY),
            Map.entry("transitGatewayId", ResourceKind.GATEWAY),
            Map.entry("gatewayId", ResourceKind.GATEWAY),
            Map.entry("vpcPeeringConnectionId", ResourceKind.GATEWAY));

    /** EC2 request fields worth naming that have no kind of their own. */
    private static final String[] EC2_FIELDS = {"associationId", "snapshotId", "imageId", "keyName", "volumeId", "attribute"};

    public Found extract(CloudTrailRecord r, Language language) {
        Collector c = new Collector();
        JsonNode req = r.requestParameters();
        JsonNode resp = r.responseElements();
        String source = r.eventSource() == null ? "" : r.eventSource();
        switch (source) {
            case "ec2.amazonaws.com" -> ec2(req, resp, r.eventName(), c, language);
            case "iam.amazonaws.com" -> iam(req, resp, r.eventName(), c);
            case "s3.amazonaws.com" -> s3(req, c);
            case "kms.amazonaws.com" -> kms(r, req, resp, c);
            case "secretsmanager.amazonaws.com" -> secrets(req, resp, c);
            case "ssm.amazonaws.com" -> ssm(req, resp, c);
            case "cloudtrail.amazonaws.com" -> cloudtrail(req, c);
            case "organizations.amazonaws.com" -> organizations(req, resp, r.serviceEventDetails(), c, language);
            case "sts.amazonaws.com" -> sts(req, c);
            default -> { }
        }
        if (r.insightDetails() != null) {
            insight(r.insightDetails(), c);
        }
        if (c.isEmpty()) {
            for (ResourceRef ref : r.resources()) {
                c.add(ResourceKind.ARN, ref.arn());
            }
        }
        if (c.isEmpty() && req != null) {
            generic(req, c);
        }
        return new Found(List.copyOf(c.targets), c.omitted);
    }

    private static void ec2(JsonNode req, JsonNode resp, String eventName, Collector c, Language language) {
        for (JsonNode item : items(req, "instancesSet")) {
            c.add(ResourceKind.EC2_INSTANCE, Json.text(item, "instanceId"));
        }
        for (JsonNode item : items(resp, "instancesSet")) {
            c.add(ResourceKind.EC2_INSTANCE, Json.text(item, "instanceId"));
        }
        for (JsonNode item : items(req, "instanceIds")) {
            c.add(ResourceKind.EC2_INSTANCE, Json.text(item));
        }
        boolean egress = eventName != null && eventName.contains("Egress");
        String group = Coalesce.first(Json.text(req, "groupId"), Json.text(req, "groupName"));
        for (JsonNode permission : items(req, "ipPermissions")) {
            c.add(ResourceKind.SECURITY_GROUP_RULE, securityGroupRule(group, permission, egress, language));
        }
        JsonNode modify = Json.object(req, "ModifySecurityGroupRulesRequest");
        if (modify != null) {
            c.add(ResourceKind.SECURITY_GROUP, Json.text(modify, "GroupId"));
            for (JsonNode rule : arrayOrSelf(modify.get("SecurityGroupRule"))) {
                c.add(ResourceKind.SECURITY_GROUP_RULE, modifiedRule(rule, language));
            }
        }
        if (req != null && req.has("ruleNumber")) {
            c.add(ResourceKind.NETWORK_ACL_ENTRY, networkAclEntry(req, language));
        } else {
            c.add(ResourceKind.NETWORK_ACL, Json.text(req, "networkAclId"));
        }
        c.add(ResourceKind.NETWORK_ACL, Json.text(Json.object(resp, "networkAcl"), "networkAclId"));
        if (req != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = req.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ResourceKind kind = EC2_IDS.get(e.getKey());
                if (kind == ResourceKind.SECURITY_GROUP && group != null && req.has("ipPermissions")) {
                    continue; // the rule lines already name the group
                }
                if (kind != null) {
                    c.add(kind, Json.text(e.getValue()));
                }
            }
            for (String field : EC2_FIELDS) {
                c.addField(field, Json.text(req, field));
            }
        }
        c.add(ResourceKind.SECURITY_GROUP, Json.text(resp, "groupId"));
    }

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

    private static void iam(JsonNode req, JsonNode resp, String eventName, Collector c) {
        c.add(ResourceKind.IAM_USER, Json.text(req, "userName"));
        c.add(ResourceKind.IAM_ROLE, Json.text(req, "roleName"));
        c.add(ResourceKind.IAM_GROUP, Json.text(req, "groupName"));
        c.add(ResourceKind.IAM_POLICY, Json.text(req, "policyArn"));
        boolean inline = eventName != null && (eventName.startsWith("Put") || eventName.startsWith("Delete"))
                && eventName.endsWith("Policy") && !eventName.equals("DeletePolicy");
        c.add(inline ? ResourceKind.INLINE_POLICY : ResourceKind.IAM_POLICY, Json.text(req, "policyName"));
        c.add(ResourceKind.IAM_POLICY, Json.text(req, "permissionsBoundary"));
        c.add(ResourceKind.ACCESS_KEY, Json.text(req, "accessKeyId"));
        JsonNode key = Json.object(resp, "accessKey");
        c.add(ResourceKind.ACCESS_KEY, Json.text(key, "accessKeyId"));
        if (key != null && Json.text(req, "userName") == null) {
            // CreateAccessKey without userName makes a key for the caller; the response says whose.
            c.add(ResourceKind.IAM_USER, Json.text(key, "userName"));
        }
        c.add(ResourceKind.MFA_DEVICE, Json.text(req, "serialNumber"));
        c.addField("instanceProfileName", Json.text(req, "instanceProfileName"));
        c.addField("sAMLProviderArn", Json.text(req, "sAMLProviderArn"));
        c.addField("url", Json.text(req, "url"));
    }

    private static void s3(JsonNode req, Collector c) {
        String bucket = Json.text(req, "bucketName");
        c.add(ResourceKind.S3_BUCKET, bucket);
        String key = Json.text(req, "key");
        if (key != null) {
            c.add(ResourceKind.S3_OBJECT, bucket == null ? key : bucket + "/" + key);
        }
    }

    private static void kms(CloudTrailRecord r, JsonNode req, JsonNode resp, Collector c) {
        for (ResourceRef ref : r.resources()) {
            if (ref.type() == null || ref.type().equals("AWS::KMS::Key")) {
                c.add(ResourceKind.KMS_KEY, ref.arn());
            }
        }
        if (c.isEmpty()) {
            c.add(ResourceKind.KMS_KEY, Json.text(req, "keyId"));
            c.add(ResourceKind.KMS_KEY, Json.text(Json.object(resp, "keyMetadata"), "arn"));
        }
        c.addField("aliasName", Json.text(req, "aliasName"));
        c.addField("pendingWindowInDays", Json.text(req, "pendingWindowInDays"));
    }

    private static void secrets(JsonNode req, JsonNode resp, Collector c) {
        String id = Coalesce.first(Json.text(req, "secretId"), Json.text(req, "name"));
        c.add(ResourceKind.SECRET, id != null ? id : Json.text(resp, "arn"));
    }

    private static void ssm(JsonNode req, JsonNode resp, Collector c) {
        String target = Json.text(req, "target");
        if (target != null && (target.startsWith("i-") || target.startsWith("mi-"))) {
            c.add(ResourceKind.EC2_INSTANCE, target);
        } else {
            c.addField("target", target);
        }
        for (JsonNode id : items(req, "instanceIds")) {
            c.add(ResourceKind.EC2_INSTANCE, Json.text(id));
        }
        c.add(ResourceKind.SSM_SESSION, Coalesce.first(Json.text(resp, "sessionId"), Json.text(req, "sessionId")));
        c.add(ResourceKind.SSM_DOCUMENT, Json.text(req, "documentName"));
        c.add(ResourceKind.SSM_PARAMETER, Json.text(req, "name"));
        for (JsonNode name : items(req, "names")) {
            c.add(ResourceKind.SSM_PARAMETER, Json.text(name));
        }
    }

    private static void cloudtrail(JsonNode req, Collector c) {
        c.add(ResourceKind.TRAIL, Coalesce.first(Json.text(req, "name"), Json.text(req, "trailName")));
        c.addField("eventDataStore", Json.text(req, "eventDataStore"));
    }

    private static void organizations(JsonNode req, JsonNode resp, JsonNode details, Collector c, Language language) {
        boolean hasStatus = false;
        for (JsonNode holder : new JsonNode[] {resp, details}) {
            JsonNode status = Json.object(holder, "createAccountStatus");
            if (status != null) {
                c.add(ResourceKind.ORG_ACCOUNT, accountStatus(status, language));
                hasStatus = true;
            }
        }
        // the status already names the account being created
        c.add(ResourceKind.ORG_ACCOUNT, hasStatus ? Json.text(req, "accountId")
                : Coalesce.first(Json.text(req, "accountId"), Json.text(req, "accountName")));
        c.add(ResourceKind.ORG_POLICY, Json.text(req, "policyId"));
        c.add(ResourceKind.ORG_TARGET, Json.text(req, "targetId"));
        c.add(ResourceKind.ORG_UNIT, Coalesce.first(Json.text(req, "organizationalUnitId"), Json.text(req, "destinationParentId")));
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

    private static void sts(JsonNode req, Collector c) {
        c.add(ResourceKind.IAM_ROLE, Json.text(req, "roleArn"));
        c.addField("roleSessionName", Json.text(req, "roleSessionName"));
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
                addTarget(SecretKeys.isSecret(name) ? Target.withheldField(name) : Target.field(name, value));
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
