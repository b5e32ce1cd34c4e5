package cloudtrail.notifier.render;

import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.EventTime;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.render.findings.FindingView;
import cloudtrail.notifier.render.findings.FindingViews;
import cloudtrail.notifier.render.findings.InsightView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an event into the notification a person reads: a subject that says how urgent it is and
 * what happened, and a body that answers who, when, where, to what, and whether it worked.
 */
public final class NotificationRenderer {
    private static final int MAX_SHORT = 200;
    private static final int MAX_USER_AGENT = 1_000;
    private static final int MAX_ERROR_MESSAGE = 2_000;
    private static final int MAX_TARGET = 500;
    private static final int MAX_DESCRIPTION = 4_000;
    private static final int MAX_DETAIL_FIELD = 1_000;
    private static final int MAX_DETAIL_LEAVES = 25;
    private static final int MAX_DETAIL_DEPTH = 8;
    /** Shown on lines of their own, or the same as the envelope's: not repeated among the details. */
    private static final Set<String> LIFTED_DETAIL_FIELDS =
            Set.of("title", "description", "severity", "type", "schemaVersion", "accountId", "region", "partition");

    private final Language language;
    private final TimeFormat time;
    private final int maxMessageBytes;
    private final Descriptions descriptions = Descriptions.load();
    private final IdentityResolver identities = new IdentityResolver();
    private final ResourceExtractor resources = new ResourceExtractor();
    private final SeverityPolicy severityPolicy = new SeverityPolicy();
    private final FindingViews findingViews;

    public NotificationRenderer(ZoneId zone, Language language) {
        this(zone, language, Limits.MAX_MESSAGE_BYTES);
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes) {
        this.language = language;
        this.time = new TimeFormat(zone);
        this.maxMessageBytes = maxMessageBytes;
        this.findingViews = new FindingViews(time, language);
    }

    public Language language() {
        return language;
    }

    public Notification render(NotifierEvent event) {
        return switch (event) {
            case CloudTrailEvent e -> render(e);
            case OtherEvent e -> render(e);
        };
    }

    private Notification render(CloudTrailEvent e) {
        CloudTrailRecord r = e.record();
        if (r.isInsight()) {
            return renderInsight(e);
        }
        Outcome outcome = Outcome.of(r);
        Reason reason = severityPolicy.assess(r, outcome);
        String account = Coalesce.first(e.envelope().account(), r.recipientAccountId(), r.userIdentity().accountId());
        String region = Coalesce.first(r.awsRegion(), e.envelope().region());
        EventTime when = r.eventTime().isPresent() ? r.eventTime() : e.envelope().time();
        String summary = summary(r, outcome);

        Body body = new Body(language);
        body.line(Msg.SUMMARY, summary);
        body.line(Msg.SEVERITY, severityText(reason));
        body.line(Msg.OUTCOME, outcomeText(outcome));
        body.line(Msg.ACTOR, identities.describe(r.userIdentity(), account, language));
        body.line(Msg.TIME, time.line(when, language));
        body.line(Msg.ACCOUNT, safe(account, MAX_SHORT));
        body.line(Msg.REGION, safe(region, MAX_SHORT));
        ResourceExtractor.Found found = resources.extract(r, language);
        body.list(Msg.TARGETS, targetLines(found.targets()), found.omitted());
        body.line(Msg.EVENT, eventText(r.callSource(), r.callName()));
        body.line(Msg.SOURCE_IP, safe(r.sourceIpAddress(), MAX_SHORT));
        body.line(Msg.USER_AGENT, safe(r.userAgent(), MAX_USER_AGENT));
        if (r.isConsoleSignIn()) {
            Boolean mfa = r.mfaUsed();
            body.line(Msg.MFA, mfa == null ? null : (mfa ? Msg.MFA_USED : Msg.MFA_NOT_USED).in(language));
        }
        Boolean readOnly = r.readOnly();
        body.line(Msg.ACCESS, readOnly == null ? null : (readOnly ? Msg.READ_ONLY : Msg.WRITE).in(language));
        body.line(Msg.EVENT_ID, safe(r.eventId(), MAX_SHORT));
        String link = consoleLink(region, r.eventId());
        if (link != null) {
            body.line(Msg.CONSOLE_LINK, link);
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", reason.severity().attributeValue());
        attribute(attributes, "eventSource", r.eventSource());
        attribute(attributes, "eventName", r.eventName());
        attribute(attributes, "account", account);
        attribute(attributes, "region", region);
        attribute(attributes, "outcome", outcome.failed() ? "failure" : "success");
        return new Notification(subject(reason.severity(), summary, account), body.build(maxMessageBytes), attributes);
    }

    private Notification render(OtherEvent e) {
        FindingView view = findingViews.of(e); // GuardDuty, Security Hub, AWS Health; null for other senders
        Reason reason = view != null && view.reason() != null ? view.reason() : severityPolicy.assess(e);
        String summary = SafeText.line(Coalesce.first(view == null ? null : view.headline(), e.title(), e.envelope().detailType(),
                e.envelope().source() == null ? null : Msg.EVENT_GENERIC.format(language, e.envelope().source()),
                Msg.NOT_AVAILABLE.in(language)), MAX_SHORT, language);
        String account = e.envelope().account();

        Body body = new Body(language);
        body.line(Msg.SUMMARY, summary);
        body.line(Msg.SEVERITY, severityText(reason));
        body.line(Msg.DETAIL_TYPE, safe(e.envelope().detailType(), MAX_SHORT));
        body.line(Msg.EVENT_SOURCE, safe(e.envelope().source(), MAX_SHORT));
        body.line(Msg.TIME, time.line(e.envelope().time(), language));
        body.line(Msg.ACCOUNT, safe(account, MAX_SHORT));
        body.line(Msg.REGION, safe(e.envelope().region(), MAX_SHORT));
        if (view != null) {
            show(body, view);
        } else {
            showGeneric(body, e);
        }
        body.line(Msg.EVENT_ID, safe(e.envelope().id(), MAX_SHORT));

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", reason.severity().attributeValue());
        attribute(attributes, "eventSource", e.envelope().source());
        attribute(attributes, "eventName", e.envelope().detailType());
        attribute(attributes, "account", account);
        attribute(attributes, "region", e.envelope().region());
        return new Notification(subject(reason.severity(), summary, account), body.build(maxMessageBytes), attributes);
    }

    private String summary(CloudTrailRecord r, Outcome outcome) {
        String described = descriptions.describe(r.eventSource(), r.eventName(), language);
        String what = described != null ? described
                : SafeText.line(Coalesce.first(r.eventName(), Msg.NOT_AVAILABLE.in(language)), MAX_SHORT, language);
        if (r.userIdentity().type() == cloudtrail.notifier.event.IdentityType.ROOT) {
            what = (described != null ? Msg.BY_ROOT : Msg.BY_ROOT_CALL).format(language, what);
        }
        return outcome.failed() ? what + Msg.FAILED_SUFFIX.in(language) : what;
    }

    /** Any other sender: the envelope's resources and a bounded sample of the detail's fields. */
    private void showGeneric(Body body, OtherEvent e) {
        if (e.type() != null) {
            body.line(Msg.FINDING_TYPE, safe(e.type(), MAX_SHORT));
        }
        if (e.severity() != null) {
            body.line(Msg.FINDING_SEVERITY, formatNumber(e.severity()));
        }
        if (e.description() != null) {
            body.line(Msg.DESCRIPTION, safe(e.description(), MAX_DESCRIPTION));
        }
        if (!e.envelope().resources().isEmpty()) {
            body.list(Msg.TARGETS, e.envelope().resources().stream().map(s -> safe(s, MAX_TARGET)).toList(), 0);
        }
        JsonLeaves.Sample details = JsonLeaves.sample(e.detail(), LIFTED_DETAIL_FIELDS, MAX_DETAIL_LEAVES,
                MAX_DETAIL_DEPTH);
        if (!details.leaves().isEmpty()) {
            body.list(Msg.DETAILS, details.leaves().stream().map(leaf -> safe(leaf.path(), MAX_SHORT) + ": "
                    + (leaf.withheld() ? Msg.WITHHELD.in(language) : safe(leaf.value(), MAX_DETAIL_FIELD))).toList(),
                    details.omitted());
        }
    }

    /**
     * A CloudTrail Insights event has no caller or request of its own: it is shown from the view
     * that puts its rates and attributions in words (render.findings.InsightView).
     */
    private Notification renderInsight(CloudTrailEvent e) {
        CloudTrailRecord r = e.record();
        Reason reason = severityPolicy.assess(r);
        String account = Coalesce.first(e.envelope().account(), r.recipientAccountId());
        String region = Coalesce.first(r.awsRegion(), e.envelope().region());
        FindingView view = new InsightView(language).view(r, region);
        String summary = SafeText.line(view.headline(), MAX_SHORT, language);

        Body body = new Body(language);
        body.line(Msg.SUMMARY, summary);
        body.line(Msg.SEVERITY, severityText(reason));
        body.line(Msg.TIME, time.line(r.eventTime().isPresent() ? r.eventTime() : e.envelope().time(), language));
        body.line(Msg.ACCOUNT, safe(account, MAX_SHORT));
        body.line(Msg.REGION, safe(region, MAX_SHORT));
        show(body, view);
        body.line(Msg.EVENT_ID, safe(r.eventId(), MAX_SHORT));

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", reason.severity().attributeValue());
        attribute(attributes, "eventSource", r.eventSource());
        attribute(attributes, "eventName", r.eventName());
        attribute(attributes, "account", account);
        attribute(attributes, "region", region);
        attribute(attributes, "outcome", Outcome.of(r).failed() ? "failure" : "success");
        return new Notification(subject(reason.severity(), summary, account), body.build(maxMessageBytes), attributes);
    }

    /** The lines of a view: its values are already safe and bounded (render.findings). */
    private void show(Body body, FindingView view) {
        if (view.severity() != null) {
            body.line(Msg.FINDING_SEVERITY, view.severity());
        }
        if (view.targetsFirst()) {
            body.list(view.targetsLabel(), view.targets(), view.omittedTargets());
        }
        for (FindingView.Fact fact : view.facts()) {
            body.line(fact.label(), fact.value());
        }
        if (!view.targetsFirst()) {
            body.list(view.targetsLabel(), view.targets(), view.omittedTargets());
        }
        if (view.meaning() != null) {
            body.line(Msg.MEANING, view.meaning());
        }
        if (view.check() != null) {
            body.line(Msg.CHECK_FIRST, view.check());
        }
        for (FindingView.Fact fact : view.references()) {
            body.line(fact.label(), fact.value());
        }
        if (view.link() != null) {
            body.line(view.linkLabel(), view.link());
        }
    }

    private String severityText(Reason reason) {
        return Msg.SEVERITY_WITH_REASON.format(language, reason.severity().label(language), reason.label(language));
    }

    private String outcomeText(Outcome outcome) {
        if (!outcome.failed()) {
            return Msg.SUCCESS.in(language);
        }
        StringBuilder b = new StringBuilder(Msg.FAILURE.in(language));
        if (outcome.code() != null) {
            b.append(Msg.ERROR_CODE.format(language, safe(outcome.code(), MAX_SHORT)));
        }
        if (outcome.message() != null) {
            b.append(": ").append(safe(outcome.message(), MAX_ERROR_MESSAGE));
        }
        return b.toString();
    }

    private String eventText(String source, String name) {
        if (source == null && name == null) {
            return null;
        }
        return safe(Coalesce.first(source, Msg.NOT_AVAILABLE.in(language)), MAX_SHORT) + " / "
                + safe(Coalesce.first(name, Msg.NOT_AVAILABLE.in(language)), MAX_SHORT);
    }

    private List<String> targetLines(List<Target> targets) {
        List<String> lines = new java.util.ArrayList<>(targets.size());
        for (Target t : targets) {
            String label = t.kind() == ResourceKind.FIELD ? safe(t.field(), MAX_SHORT) : t.kind().label(language);
            String value = t.withheld() ? Msg.WITHHELD.in(language) : safe(t.value(), MAX_TARGET);
            lines.add(label + ": " + value);
        }
        return lines;
    }

    /** "【重大】summary（アカウント 111122223333）", cut to what SNS accepts as a subject. */
    String subject(Severity severity, String summary, String account) {
        String safeAccount = account == null ? null : SafeText.line(account, 20, language);
        String s = compose(severity, summary, safeAccount);
        if (s.length() <= Limits.MAX_SUBJECT_CHARS) {
            return s;
        }
        int overflow = s.length() - Limits.MAX_SUBJECT_CHARS + 1; // room for the ellipsis
        int keep = Math.max(0, summary.length() - overflow);
        if (keep > 0 && Character.isHighSurrogate(summary.charAt(keep - 1))) {
            keep--;
        }
        String shortened = compose(severity, summary.substring(0, keep) + "…", safeAccount);
        return shortened.length() <= Limits.MAX_SUBJECT_CHARS ? shortened : cut(shortened, Limits.MAX_SUBJECT_CHARS);
    }

    /** The last resort, when even the account (escaped, it can grow) does not fit: cut the whole subject. */
    private static String cut(String s, int max) {
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private String compose(Severity severity, String summary, String account) {
        return account == null
                ? Msg.SUBJECT_NO_ACCOUNT.format(language, severity.label(language), summary)
                : Msg.SUBJECT.format(language, severity.label(language), summary, account);
    }

    /** The event in the CloudTrail console of its region, or null when the event cannot be linked. */
    static String consoleLink(String region, String eventId) {
        if (region == null || eventId == null || !isRegion(region)) {
            return null;
        }
        String host;
        if (region.startsWith("cn-")) {
            host = region + ".console.amazonaws.cn";
        } else if (region.startsWith("us-gov-")) {
            host = "console.amazonaws-us-gov.com";
        } else {
            host = region + ".console.aws.amazon.com";
        }
        String id = isPlainId(eventId) ? eventId : URLEncoder.encode(eventId, StandardCharsets.UTF_8).replace("+", "%20");
        return "https://" + host + "/cloudtrailv2/home?region=" + region + "#/events/" + id;
    }

    /** "ap-northeast-1", "us-gov-west-1": letters and dashes, then a number. Checked before it goes into a URL. */
    static boolean isRegion(String region) {
        int dash = region.lastIndexOf('-');
        if (dash < 4 || dash == region.length() - 1 || region.length() - dash > 3) {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            boolean ok = i > dash ? c >= '0' && c <= '9' : (c >= 'a' && c <= 'z') || (c == '-' && i > 1);
            if (!ok) {
                return false;
            }
        }
        return region.charAt(2) == '-';
    }

    private static boolean isPlainId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private void attribute(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, SafeText.line(value, Limits.MAX_ATTRIBUTE_CHARS, language));
        }
    }

    private String safe(String s, int max) {
        return SafeText.line(s, max, language);
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The body: "label: value" lines, with "not available" for what the event lacks. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder(1024);
        private final Language language;

        Body(Language language) {
            this.language = language;
        }

        void line(Msg label, String value) {
            text.append(label.in(language)).append(": ")
                    .append(value == null ? Msg.NOT_AVAILABLE.in(language) : value).append('\n');
        }

        void list(Msg label, List<String> items, int omitted) {
            if (items.isEmpty()) {
                line(label, null);
                return;
            }
            text.append(label.in(language)).append(":\n");
            for (String item : items) {
                text.append("  - ").append(item).append('\n');
            }
            if (omitted > 0) {
                text.append("  ").append(Msg.MORE_ITEMS.format(language, omitted)).append('\n');
            }
        }

        void raw(String line) {
            text.append(line).append('\n');
        }

        String build(int maxBytes) {
            return Limits.fitMessage(text.toString(), maxBytes, language);
        }
    }
}
