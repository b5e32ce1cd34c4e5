package cloudtrail.notifier.render;

import cloudtrail.notifier.event.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of a GuardDuty finding a responder acts on: what resource is involved, and who or what
 * is on the other side. The full finding is a deep tree; a generic sample would spend its lines on
 * network interface details before reaching the attacker's address.
 */
final class GuardDutyFinding {
    private GuardDutyFinding() {}

    static boolean applies(String source) {
        return "aws.guardduty".equals(source);
    }

    static List<Target> targets(JsonNode detail) {
        JsonNode resource = Json.object(detail, "resource");
        List<Target> out = new ArrayList<>();
        add(out, ResourceKind.EC2_INSTANCE, Json.text(Json.object(resource, "instanceDetails"), "instanceId"));
        JsonNode key = Json.object(resource, "accessKeyDetails");
        add(out, ResourceKind.ACCESS_KEY, Json.text(key, "accessKeyId"));
        add(out, ResourceKind.IAM_USER, Json.text(key, "userName"));
        JsonNode buckets = resource == null ? null : resource.get("s3BucketDetails");
        if (buckets != null && buckets.isArray()) {
            for (JsonNode bucket : buckets) {
                add(out, ResourceKind.S3_BUCKET, Json.text(bucket, "name"));
            }
        }
        String type = Json.text(resource, "resourceType");
        if (out.isEmpty() && type != null) {
            out.add(Target.field("resourceType", type));
        }
        return out;
    }

    /** "actionType", remote address, port and country, how often and since when. */
    static List<Target> facts(JsonNode detail) {
        JsonNode service = Json.object(detail, "service");
        JsonNode action = Json.object(service, "action");
        List<Target> out = new ArrayList<>();
        addField(out, "actionType", Json.text(action, "actionType"));
        JsonNode remote = null;
        JsonNode port = null;
        JsonNode direction = null;
        if (action != null) {
            for (String kind : new String[] {"networkConnectionAction", "awsApiCallAction", "dnsRequestAction",
                    "kubernetesApiCallAction", "rdsLoginAttemptAction"}) {
                JsonNode a = Json.object(action, kind);
                if (a != null) {
                    remote = first(Json.object(a, "remoteIpDetails"), remote);
                    port = first(Json.object(a, "remotePortDetails"), port);
                    direction = first(a.get("connectionDirection"), direction);
                    addField(out, "api", Json.text(a, "api"));
                    addField(out, "domain", Json.text(a, "domain"));
                }
            }
            JsonNode probe = Json.object(action, "portProbeAction");
            JsonNode probes = probe == null ? null : probe.get("portProbeDetails");
            if (probes != null && probes.isArray() && !probes.isEmpty()) {
                remote = first(Json.object(probes.get(0), "remoteIpDetails"), remote);
                port = first(Json.object(probes.get(0), "localPortDetails"), port);
            }
        }
        addField(out, "connectionDirection", Json.text(direction));
        addField(out, "remoteIp", Coalesce.first(Json.text(remote, "ipAddressV4"), Json.text(remote, "ipAddressV6")));
        addField(out, "remoteCountry", Json.text(Json.object(remote, "country"), "countryName"));
        addField(out, "remoteOrganization", Json.text(Json.object(remote, "organization"), "asnOrg"));
        addField(out, "port", Json.text(port, "port"));
        addField(out, "count", Json.text(service, "count"));
        addField(out, "eventFirstSeen", Json.text(service, "eventFirstSeen"));
        addField(out, "eventLastSeen", Json.text(service, "eventLastSeen"));
        addField(out, "findingId", Json.text(detail, "id"));
        return out;
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a != null && !a.isNull() ? a : b;
    }

    private static void add(List<Target> out, ResourceKind kind, String value) {
        if (value != null) {
            out.add(Target.of(kind, value));
        }
    }

    private static void addField(List<Target> out, String name, String value) {
        if (value != null) {
            out.add(Target.field(name, value));
        }
    }
}
