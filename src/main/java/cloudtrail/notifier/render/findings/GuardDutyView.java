package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Msg;
import cloudtrail.notifier.render.ResourceKind;
import cloudtrail.notifier.render.TimeFormat;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GuardDuty finding as a responder reads it at night: what the finding type means and what to
 * check first (from the catalog), how severe GuardDuty rates it, which resource it is about by the
 * name people use (the instance's Name tag, the key's user), who is on the other side, and since when.
 */
final class GuardDutyView {
    /** The kinds of action GuardDuty reports, each with its own remote party. */
    private static final String[] ACTIONS = {"networkConnectionAction", "awsApiCallAction", "dnsRequestAction",
        "kubernetesApiCallAction", "rdsLoginAttemptAction", "portProbeAction"};

    private final GuardDutyCatalog catalog;
    private final TimeFormat time;
    private final Language language;

    GuardDutyView(GuardDutyCatalog catalog, TimeFormat time, Language language) {
        this.catalog = catalog;
        this.time = time;
        this.language = language;
    }

    static boolean applies(OtherEvent e) {
        return "aws.guardduty".equals(e.envelope().source());
    }

    FindingView view(OtherEvent e) {
        JsonNode detail = e.detail();
        String type = Json.text(detail, "type");
        GuardDutyCatalog.Description described = catalog.describe(type);

        JsonNode resource = Json.object(detail, "resource");
        Targets targets = new Targets(language);
        String name = resourceTargets(resource, targets);

        String what = described != null ? described.title().in(language)
                : Values.text(type == null ? null : type, Values.SHORT, language);
        if (what == null) {
            what = Values.text(Json.text(detail, "title"), Values.MEDIUM, language);
        }
        String headline = what == null ? null
                : Words.GUARDDUTY_HEADLINE.format(language, name == null ? what : Words.WITH_NOTE.format(language, what, name));

        Double score = e.severity();
        Facts facts = new Facts().add(Msg.FINDING_TYPE, Values.shortText(type, language));
        action(Json.object(Json.object(detail, "service"), "action"), facts);
        JsonNode service = Json.object(detail, "service");
        facts.add(Msg.OCCURRENCES, Values.shortText(Json.text(service, "count"), language))
                .add(Msg.FIRST_SEEN, Moments.show(Json.text(service, "eventFirstSeen"), time, language))
                .add(Msg.LAST_SEEN, Moments.show(Json.text(service, "eventLastSeen"), time, language));
        Facts references = new Facts()
                .add(Msg.DESCRIPTION, Values.prose(Json.text(detail, "description"), Values.PROSE, language))
                .add(Msg.FINDING_ID, Values.shortText(Json.text(detail, "id"), language));

        return new FindingView(
                headline,
                score == null ? null : FindingSeverity.ofScore(score).reason(),
                score == null ? null : FindingSeverity.describeScore(score, language),
                Msg.TARGETS, targets.list(), targets.omitted(), true,
                facts.list(language),
                described == null ? null : described.meaning().in(language),
                described == null ? null : described.check().in(language),
                references.list(language),
                Msg.GUARDDUTY_CONSOLE,
                link(Json.text(detail, "region") != null ? Json.text(detail, "region") : e.envelope().region(),
                        Json.text(detail, "id")));
    }

    /** Adds the resource lines; returns the name that best identifies the resource in a subject. */
    private String resourceTargets(JsonNode resource, Targets targets) {
        String subjectName = null;
        JsonNode instance = Json.object(resource, "instanceDetails");
        String instanceId = Values.shortText(Json.text(instance, "instanceId"), language);
        String instanceName = Values.shortText(nameTag(instance), language);
        targets.add(ResourceKind.EC2_INSTANCE.label(language), Targets.withName(instanceId, instanceName, language));
        JsonNode interfaces = instance == null ? null : instance.get("networkInterfaces");
        if (interfaces != null && interfaces.isArray()) {
            for (JsonNode ni : interfaces) {
                targets.add(Msg.PUBLIC_IP.in(language), Values.shortText(Json.text(ni, "publicIp"), language));
            }
        }
        if (instanceId != null || instanceName != null) {
            subjectName = instanceName != null ? instanceName : instanceId;
        }

        JsonNode key = Json.object(resource, "accessKeyDetails");
        targets.add(ResourceKind.ACCESS_KEY.label(language), Values.shortText(Json.text(key, "accessKeyId"), language));
        String userName = Values.shortText(Json.text(key, "userName"), language);
        String userType = Json.text(key, "userType");
        String userLabel = "IAMUser".equals(userType) ? ResourceKind.IAM_USER.label(language)
                : "AssumedRole".equals(userType) ? ResourceKind.IAM_ROLE.label(language)
                : userType == null ? ResourceKind.IAM_USER.label(language)
                : Msg.PRINCIPAL.format(language, Values.shortText(userType, language));
        targets.add(userLabel, userName);
        if (subjectName == null) {
            subjectName = userName;
        }

        JsonNode buckets = resource == null ? null : resource.get("s3BucketDetails");
        if (buckets != null && buckets.isArray()) {
            for (JsonNode bucket : buckets) {
                String bucketName = Values.shortText(Json.text(bucket, "name"), language);
                targets.add(ResourceKind.S3_BUCKET.label(language), bucketName);
                if (subjectName == null) {
                    subjectName = bucketName;
                }
            }
        }
        String cluster = Values.shortText(Json.text(Json.object(resource, "eksClusterDetails"), "name"), language);
        targets.add(Msg.EKS_CLUSTER.in(language), cluster);
        String ecs = Values.shortText(Json.text(Json.object(resource, "ecsClusterDetails"), "name"), language);
        targets.add(Msg.ECS_CLUSTER.in(language), ecs);
        String db = Values.shortText(Json.text(Json.object(resource, "rdsDbInstanceDetails"), "dbInstanceIdentifier"), language);
        targets.add(Msg.RDS_INSTANCE.in(language), db);
        String function = Values.shortText(Json.text(Json.object(resource, "lambdaDetails"), "functionName"), language);
        targets.add(Msg.LAMBDA_FUNCTION.in(language), function);
        for (String n : new String[] {cluster, ecs, db, function}) {
            if (subjectName == null) {
                subjectName = n;
            }
        }
        if (targets.list().isEmpty()) {
            targets.add(Msg.ENTITY.in(language), Values.shortText(Json.text(resource, "resourceType"), language));
        }
        return subjectName;
    }

    /** The value of the instance's "Name" tag: what people call the instance. */
    private static String nameTag(JsonNode instance) {
        JsonNode tags = instance == null ? null : instance.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if ("Name".equals(Json.text(tag, "key"))) {
                    return Json.text(tag, "value");
                }
            }
        }
        return null;
    }

    /** The other side of the action: remote address with country and network, port, direction, API or domain. */
    private void action(JsonNode action, Facts facts) {
        if (action == null) {
            return;
        }
        JsonNode remote = null;
        JsonNode remotePort = null;
        JsonNode localPort = null;
        String direction = null;
        for (String kind : ACTIONS) {
            JsonNode a = Json.object(action, kind);
            if (a == null) {
                continue;
            }
            if (kind.equals("portProbeAction")) {
                JsonNode probes = a.get("portProbeDetails");
                if (probes != null && probes.isArray() && !probes.isEmpty()) {
                    remote = first(remote, Json.object(probes.get(0), "remoteIpDetails"));
                    localPort = first(localPort, Json.object(probes.get(0), "localPortDetails"));
                    direction = direction != null ? direction : "INBOUND";
                }
                continue;
            }
            remote = first(remote, Json.object(a, "remoteIpDetails"));
            remotePort = first(remotePort, Json.object(a, "remotePortDetails"));
            localPort = first(localPort, Json.object(a, "localPortDetails"));
            direction = direction != null ? direction : Json.text(a, "connectionDirection");
            String api = Json.text(a, "api");
            String serviceName = Json.text(a, "serviceName");
            if (api != null) {
                facts.add(Msg.API_CALL, Values.shortText(serviceName == null ? api : serviceName + " / " + api, language));
            }
            String verb = Json.text(a, "verb");
            String uri = Json.text(a, "requestUri");
            if (verb != null || uri != null) {
                facts.add(Msg.API_CALL, Values.shortText((verb == null ? "" : verb + " ") + (uri == null ? "" : uri), language));
            }
            facts.add(Msg.DOMAIN, Values.shortText(Json.text(a, "domain"), language));
            JsonNode remoteAccount = Json.object(a, "remoteAccountDetails");
            facts.add(Msg.REMOTE_ACCOUNT, Values.shortText(Json.text(remoteAccount, "accountId"), language));
        }
        facts.add(Msg.REMOTE, remote(remote));
        // the port that says what is attacked: ours when they connect to us, theirs when we connect out
        boolean inbound = "INBOUND".equalsIgnoreCase(direction);
        facts.add(Msg.PORT, port(inbound ? first(localPort, remotePort) : first(remotePort, localPort)));
        if (inbound) {
            facts.add(Msg.DIRECTION, Words.INBOUND.in(language));
        } else if ("OUTBOUND".equalsIgnoreCase(direction)) {
            facts.add(Msg.DIRECTION, Words.OUTBOUND.in(language));
        }
    }

    /** "198.51.100.77（Netherlands、Amsterdam、EXAMPLE-NET-AS）". */
    private String remote(JsonNode remote) {
        String ip = Values.shortText(firstText(Json.text(remote, "ipAddressV4"), Json.text(remote, "ipAddressV6")), language);
        if (ip == null) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        for (String part : new String[] {Json.text(Json.object(remote, "country"), "countryName"),
                Json.text(Json.object(remote, "city"), "cityName"), Json.text(Json.object(remote, "organization"), "asnOrg")}) {
            String safe = Values.shortText(part, language);
            if (safe != null) {
                if (!where.isEmpty()) {
                    where.append(Words.LIST_SEPARATOR.in(language));
                }
                where.append(safe);
            }
        }
        return where.isEmpty() ? ip : Words.WITH_NOTE.format(language, ip, where);
    }

    /** "22（SSH）". */
    private String port(JsonNode port) {
        String number = Values.shortText(Json.text(port, "port"), language);
        if (number == null) {
            return null;
        }
        String name = Values.shortText(Json.text(port, "portName"), language);
        return name == null || "Unknown".equalsIgnoreCase(name) ? number : Words.WITH_NOTE.format(language, number, name);
    }

    /** The finding in the GuardDuty console of its region. */
    static String link(String region, String findingId) {
        if (findingId == null) {
            return null;
        }
        return ConsoleLinks.page(region, "guardduty", "/findings?fId=" + ConsoleLinks.encode(findingId));
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a != null ? a : b;
    }

    private static String firstText(String a, String b) {
        return a != null ? a : b;
    }
}
