package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Msg;
import cloudtrail.notifier.render.ResourceKind;
import cloudtrail.notifier.render.TimeFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A Security Hub finding (ASFF, in detail.findings[]): which control failed on which resource, how
 * severe Security Hub rates it, whether anyone is already on it, and where the fix is described.
 * An event can carry several findings; the first is shown and the rest are counted.
 */
final class SecurityHubView {
    private final TimeFormat time;
    private final Language language;

    SecurityHubView(TimeFormat time, Language language) {
        this.time = time;
        this.language = language;
    }

    static boolean applies(OtherEvent e) {
        return "aws.securityhub".equals(e.envelope().source()) && e.detail() != null
                && e.detail().path("findings").isArray();
    }

    FindingView view(OtherEvent e) {
        JsonNode findings = e.detail().path("findings");
        JsonNode f = findings.isEmpty() || !findings.get(0).isObject() ? null : findings.get(0);

        JsonNode compliance = Json.object(f, "Compliance");
        JsonNode productFields = Json.object(f, "ProductFields");
        String controlId = Values.shortText(first(Json.text(compliance, "SecurityControlId"),
                Json.text(productFields, "ControlId")), language);
        String complianceStatus = Json.text(compliance, "Status");
        String workflow = first(Json.text(Json.object(f, "Workflow"), "Status"), Json.text(f, "WorkflowState"));
        String recordState = Json.text(f, "RecordState");
        FindingSeverity severity = FindingSeverity.ofLabel(Json.text(Json.object(f, "Severity"), "Label"));
        String title = Values.text(Json.text(f, "Title"), Values.MEDIUM, language);

        boolean closed = "PASSED".equalsIgnoreCase(complianceStatus) || "ARCHIVED".equalsIgnoreCase(recordState)
                || "RESOLVED".equalsIgnoreCase(workflow) || "SUPPRESSED".equalsIgnoreCase(workflow);
        String reason = closed ? "finding-closed" : severity == null ? null : severity.reason();

        Targets targets = new Targets(language);
        JsonNode resources = f == null ? null : f.get("Resources");
        if (resources != null && resources.isArray()) {
            for (JsonNode r : resources) {
                targets.add(resourceType(Json.text(r, "Type")), Values.text(Json.text(r, "Id"), Values.MEDIUM, language));
            }
        }

        JsonNode remediation = Json.object(Json.object(f, "Remediation"), "Recommendation");
        String remediationUrl = Values.text(url(Json.text(remediation, "Url")), Values.MEDIUM, language);
        Facts facts = new Facts()
                .add(Msg.CONTROL, controlId)
                .add(Msg.COMPLIANCE, word(complianceStatus))
                .add(Msg.WORKFLOW, word(workflow))
                .add(Msg.RECORD_STATE, "ARCHIVED".equalsIgnoreCase(recordState) ? word(recordState) : null)
                .add(Msg.PRODUCT, Values.shortText(first(Json.text(f, "ProductName"),
                        Json.text(productFields, "aws/securityhub/ProductName")), language))
                .add(Msg.FIRST_SEEN, Moments.show(Json.text(f, "FirstObservedAt"), time, language))
                .add(Msg.LAST_SEEN, Moments.show(Json.text(f, "LastObservedAt"), time, language));
        Facts references = new Facts()
                .add(Msg.REMEDIATION, remediationUrl != null ? remediationUrl
                        : Values.prose(Json.text(remediation, "Text"), Values.PROSE, language))
                .add(Msg.DESCRIPTION, Values.prose(Json.text(f, "Description"), Values.PROSE, language))
                .add(Msg.FINDING_ID, Values.text(Json.text(f, "Id"), Values.MEDIUM, language));
        if (findings.size() > 1) {
            references.add(Msg.DETAILS, Msg.MORE_FINDINGS.format(language, findings.size() - 1));
        }

        String headline;
        if (controlId != null && complianceStatus != null && title != null) {
            headline = Words.SECURITY_HUB_CONTROL_HEADLINE.format(language, controlId, word(complianceStatus), title);
        } else if (title != null) {
            headline = Words.SECURITY_HUB_HEADLINE.format(language, title);
        } else {
            headline = null;
        }
        String check = closed ? Words.SECURITY_HUB_CHECK_CLOSED.in(language)
                : "FAILED".equalsIgnoreCase(complianceStatus) ? Words.SECURITY_HUB_CHECK_FAILED.in(language)
                : Words.SECURITY_HUB_CHECK_OTHER.in(language);
        String region = first(Json.text(f, "Region"), e.envelope().region());
        return new FindingView(headline, reason, severity == null ? null : severity.label(language),
                Msg.TARGETS, targets.list(), targets.omitted(), true, facts.list(language),
                null, check, references.list(language), Msg.SECURITY_HUB_CONSOLE, link(region, rawControlId(compliance, productFields), Json.text(f, "Id")));
    }

    /** ASFF resource types people meet most, by the names the rest of the notification uses. */
    private String resourceType(String type) {
        if (type == null) {
            return Msg.ENTITY.in(language);
        }
        ResourceKind kind = switch (type) {
            case "AwsS3Bucket" -> ResourceKind.S3_BUCKET;
            case "AwsEc2Instance" -> ResourceKind.EC2_INSTANCE;
            case "AwsEc2SecurityGroup" -> ResourceKind.SECURITY_GROUP;
            case "AwsEc2Vpc" -> ResourceKind.VPC;
            case "AwsEc2Subnet" -> ResourceKind.SUBNET;
            case "AwsEc2NetworkAcl" -> ResourceKind.NETWORK_ACL;
            case "AwsIamUser" -> ResourceKind.IAM_USER;
            case "AwsIamRole" -> ResourceKind.IAM_ROLE;
            case "AwsIamGroup" -> ResourceKind.IAM_GROUP;
            case "AwsIamPolicy" -> ResourceKind.IAM_POLICY;
            case "AwsIamAccessKey" -> ResourceKind.ACCESS_KEY;
            case "AwsKmsKey" -> ResourceKind.KMS_KEY;
            case "AwsSecretsManagerSecret" -> ResourceKind.SECRET;
            case "AwsCloudTrailTrail" -> ResourceKind.TRAIL;
            default -> null;
        };
        if (kind != null) {
            return kind.label(language);
        }
        if ("AwsAccount".equals(type)) {
            return Msg.ACCOUNT.in(language);
        }
        return Values.shortText(type, language);
    }

    private static String rawControlId(JsonNode compliance, JsonNode productFields) {
        return first(Json.text(compliance, "SecurityControlId"), Json.text(productFields, "ControlId"));
    }

    /**
     * A control's page when the finding is a control check (it lists every resource that fails it);
     * otherwise the findings list filtered to this finding's ID, in the console's own filter syntax.
     */
    static String link(String region, String controlId, String findingId) {
        if (controlId != null && controlId.matches("[A-Za-z0-9.\\-]{1,40}")) {
            return ConsoleLinks.page(region, "securityhub", "/controls/" + controlId);
        }
        if (findingId == null) {
            return null;
        }
        return ConsoleLinks.page(region, "securityhub",
                "/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A" + ConsoleLinks.encode(ConsoleLinks.encode(findingId)));
    }

    /** Only web links: a remediation "URL" is text from the event and ends up clickable in a mail. */
    private static String url(String s) {
        return s != null && (s.startsWith("https://") || s.startsWith("http://")) ? s : null;
    }

    private String word(String status) {
        if (status == null) {
            return null;
        }
        Words w = switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "PASSED" -> Words.PASSED;
            case "FAILED" -> Words.FAILED;
            case "WARNING" -> Words.WARNING;
            case "NOT_AVAILABLE" -> Words.NOT_AVAILABLE;
            case "NEW" -> Words.WORKFLOW_NEW;
            case "NOTIFIED" -> Words.WORKFLOW_NOTIFIED;
            case "RESOLVED" -> Words.WORKFLOW_RESOLVED;
            case "SUPPRESSED" -> Words.WORKFLOW_SUPPRESSED;
            case "ACTIVE" -> Words.RECORD_ACTIVE;
            case "ARCHIVED" -> Words.RECORD_ARCHIVED;
            default -> null;
        };
        return w != null ? w.in(language) : Values.shortText(status, language);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
