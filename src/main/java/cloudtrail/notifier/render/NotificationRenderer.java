package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.AccountNames;
import cloudtrail.notifier.config.PortalLinks;
import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.config.Language;
import java.util.function.Supplier;
import cloudtrail.notifier.catalog.Assessor;
import cloudtrail.notifier.catalog.Catalog;
import cloudtrail.notifier.catalog.UserAgents;
import cloudtrail.notifier.catalog.Reason;
import cloudtrail.notifier.catalog.EventEntry;
import cloudtrail.notifier.catalog.TargetSpec;
import cloudtrail.notifier.catalog.Text;
import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.IdentityType;
import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.EventTime;
import cloudtrail.notifier.event.Envelope;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.event.Redactor;
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
    private static final int MAX_NEXT = 1_000;
    private static final int MAX_TARGETS = 20;
    private static final int MAX_SUBJECT_TARGET = 40;
    /** Shown on lines of their own, or the same as the envelope's: not repeated among the details. */
    private static final Set<String> LIFTED_DETAIL_FIELDS =
            Set.of("title", "description", "severity", "type", "schemaVersion", "accountId", "region", "partition");

    private final Language language;
    private final Supplier<AccountNames> accountNames;
    private final TimeFormat time;
    private final int maxMessageBytes;
    private final Catalog catalog;
    private final Assessor assessor;
    private final IdentityResolver identities;
    private final Directory directory;
    private final PortalLinks portal;
    private final ResourceExtractor resources = new ResourceExtractor();
    private final SeverityPolicy severityPolicy;
    private final FindingViews findingViews;

    public NotificationRenderer(ZoneId zone, Language language) {
        this(zone, language, () -> AccountNames.NONE);
    }

    public NotificationRenderer(ZoneId zone, Language language, Supplier<AccountNames> accountNames) {
        this(zone, language, accountNames, Directory.NONE);
    }

    /** @param directory names looked up for accounts and Identity Center users; AccountNames win over it */
    public NotificationRenderer(ZoneId zone, Language language, Supplier<AccountNames> accountNames, Directory directory) {
        this(zone, language, accountNames, directory, null);
    }

    /** @param portal console links through the access portal, into the event's account; null for plain links */
    public NotificationRenderer(ZoneId zone, Language language, Supplier<AccountNames> accountNames, Directory directory,
            PortalLinks portal) {
        this(zone, language, Limits.MAX_TEXT_BYTES, Catalog.load(new JsonTrees()), accountNames, directory, portal);
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes) {
        this(zone, language, maxMessageBytes, Catalog.load(new JsonTrees()));
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes, Catalog catalog) {
        this(zone, language, maxMessageBytes, catalog, () -> AccountNames.NONE);
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes, Catalog catalog, Supplier<AccountNames> accountNames) {
        this(zone, language, maxMessageBytes, catalog, accountNames, Directory.NONE);
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes, Catalog catalog, Supplier<AccountNames> accountNames,
            Directory directory) {
        this(zone, language, maxMessageBytes, catalog, accountNames, directory, null);
    }

    NotificationRenderer(ZoneId zone, Language language, int maxMessageBytes, Catalog catalog, Supplier<AccountNames> accountNames,
            Directory directory, PortalLinks portal) {
        this.portal = portal;
        this.accountNames = accountNames;
        this.directory = directory;
        this.identities = new IdentityResolver(directory);
        this.language = language;
        this.time = new TimeFormat(zone);
        this.maxMessageBytes = maxMessageBytes;
        this.catalog = catalog;
        this.assessor = new Assessor(catalog);
        this.severityPolicy = new SeverityPolicy(catalog);
        this.findingViews = new FindingViews(time, language);
    }

    public Language language() {
        return language;
    }

    /** The readers' time zone. */
    public ZoneId zone() {
        return time.zone();
    }

    public Notification render(NotifierEvent event) {
        return renderWithGist(event).notification();
    }

    /** The notification, and the event in a line for a digest, from one reading of the event. */
    public Rendered renderWithGist(NotifierEvent event) {
        return switch (event) {
            case CloudTrailEvent e -> render(e);
            case OtherEvent e -> render(e);
        };
    }

    private Rendered render(CloudTrailEvent e) {
        CloudTrailRecord r = e.record();
        if (r.isInsight()) {
            return renderInsight(e);
        }
        Outcome outcome = Outcome.of(r);
        Assessor.Assessment assessment = assessor.assess(r, outcome.failed());
        String account = Coalesce.first(e.envelope().account(), r.recipientAccountId(), r.userIdentity().accountId());
        String region = Coalesce.first(r.awsRegion(), e.envelope().region());
        EventTime when = r.eventTime().isPresent() ? r.eventTime() : e.envelope().time();
        String summary = summary(r, outcome);
        Targets found = targets(r);
        List<Target> targets = found.targets();

        Body body = new Body(language);
        body.line(Msg.WHAT, summary);
        String who = identities.describe(r.userIdentity(), account, language);
        body.line(Msg.WHO, Msg.NOT_AVAILABLE.in(language).equals(who) ? null : who);
        body.line(Msg.WHERE, where(account, region));
        body.line(Msg.WHEN, time.line(when, language));
        body.line(Msg.RESULT, outcomeText(outcome));
        body.list(Msg.TARGETS, targetLines(targets), found.omitted());
        body.line(Msg.REASON, Msg.SEVERITY_WITH_REASON.format(language, assessment.severity().label(language),
                assessment.label(language)));
        if (assessment.severity() != Severity.INFO && assessment.next() != null) {
            body.line(Msg.NEXT, safe(assessment.next().in(language), MAX_NEXT));
        }
        body.blank();
        body.line(Msg.EVENT, eventText(r.callSource(), r.callName()));
        body.line(Msg.SOURCE_IP, safe(r.sourceIpAddress(), MAX_SHORT));
        // what made the call as a reader calls it (the raw user agent when the catalog does not know it), and the
        // tool a digest groups by: the catalog's patterns tried once for both
        UserAgents.Described agent = catalog.userAgents().describe(r.userAgent(), language);
        body.line(Msg.USER_AGENT, agent.summary() != null ? safe(agent.summary(), MAX_SHORT) : safe(r.userAgent(), MAX_USER_AGENT));
        body.line(Msg.MFA, mfa(r));
        Boolean readOnly = r.readOnly();
        body.line(Msg.ACCESS, readOnly == null ? null : (readOnly ? Msg.READ_ONLY : Msg.WRITE).in(language));
        body.kept(Msg.EVENT_ID, safe(r.eventId(), MAX_SHORT));
        String link = consoleLink(region, r.eventId());
        body.kept(Msg.CONSOLE_LINK, link == null || portal == null ? link : portal.open(account, link));

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", assessment.severity().attributeValue());
        attribute(attributes, "eventSource", r.eventSource());
        attribute(attributes, "eventName", r.eventName());
        attribute(attributes, "account", account);
        attribute(attributes, "region", region);
        attribute(attributes, "outcome", outcome.failed() ? "failure" : "success");
        String subjectWhat = found.forSubject() == null ? summary : summary + ": " + subjectPart(found.forSubject());
        String actor = identities.shortName(r.userIdentity(), language);
        Notification notification = new Notification(subject(assessment.severity(), subjectWhat, actor, account),
                body.build(maxMessageBytes, attributes), attributes,
                about(assessment.severity(), summary, body, thread(account, actorKey(r)), r.eventId(), e.envelope()));
        String next = assessment.severity() != Severity.INFO && assessment.next() != null
                ? safe(assessment.next().in(language), MAX_NEXT) : null;
        return new Rendered(notification, new Gist(safe(r.eventId(), MAX_SHORT), assessment.severity(), assessment.label(language),
                next, when.instant(), summary, found.forSubject() == null ? null : subjectPart(found.forSubject()), outcome.failed(),
                !outcome.failed() && !Boolean.TRUE.equals(r.readOnly()),
                account == null ? null : safe(account, MAX_SHORT), actor, actorKey(r),
                agent.tool() == null ? null : safe(agent.tool(), MAX_SHORT)));
    }

    private About about(Severity severity, String summary, Body body, String thread, String eventId, Envelope envelope) {
        return new About(language, severity, headline(severity, summary), body.fields(), thread,
                eventId == null ? List.of() : List.of(safe(eventId, MAX_SHORT)), envelopeFields(envelope));
    }

    /** The severity and what happened: a chat message's title. */
    String headline(Severity severity, String summary) {
        return Msg.SUBJECT_NO_ACCOUNT.format(language, severity.label(language), summary);
    }

    /** EventBridge's envelope as it came, each value made safe to show. */
    private Map<String, String> envelopeFields(Envelope envelope) {
        Map<String, String> fields = new LinkedHashMap<>();
        putSafe(fields, "id", envelope.id());
        putSafe(fields, "source", envelope.source());
        putSafe(fields, "detailType", envelope.detailType());
        putSafe(fields, "account", envelope.account());
        putSafe(fields, "region", envelope.region());
        putSafe(fields, "time", envelope.time().raw());
        return fields;
    }

    private void putSafe(Map<String, String> fields, String name, String value) {
        String shown = safe(value, MAX_SHORT);
        if (shown != null) {
            fields.put(name, shown);
        }
    }

    /**
     * One thread for one actor in one account, whatever the event and however it was delivered (alone or
     * in a digest): a digest of a burst and that actor's single events land together. A digest of the
     * key, so that no name or ARN is spelt out in it.
     */
    static String thread(String account, String actor) {
        if (account == null && actor == null) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((account + "|" + actor).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "cloudtrail-notifier-" + java.util.HexFormat.of().formatHex(digest, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whom to group an event under: the caller's ARN (a role session's, per session), else its principal. */
    private static String actorKey(CloudTrailRecord r) {
        return Coalesce.first(r.userIdentity().arn(), r.userIdentity().principalId(), r.userIdentity().type().name());
    }

    /**
     * 「本番（111122223333）」 for an account with a name (AccountNames), else the ID alone. The name was
     * checked when it was read (visible characters, at most 40), the ID is shown safe.
     */
    String accountText(String account) {
        String id = safe(account, MAX_SHORT);
        String name = accountNames.get().name(account);
        if (name == null) {
            name = directory.accountName(account);
            name = name == null ? null : SafeText.line(name, AccountNames.MAX_NAME, language);
        }
        return name == null ? id : Msg.ACCOUNT_NAMED.format(language, name, id);
    }

    /** A resource as the subject names it: an ARN by its last part (the trail's name, not its ARN). */
    static String shortName(String value) {
        if (value != null && value.startsWith("arn:")) {
            int cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf(':'));
            if (cut > 0 && cut < value.length() - 1) {
                return value.substring(cut + 1);
            }
        }
        return value;
    }

    /** 「アカウント 111122223333、東京（ap-northeast-1）」. */
    private String where(String account, String region) {
        String regionText = null;
        if (region != null) {
            Text name = catalog.region(region);
            regionText = name == null ? safe(region, MAX_SHORT) : Msg.REGION_NAMED.format(language, name.in(language), safe(region, MAX_SHORT));
        }
        if (account == null) {
            return regionText;
        }
        String acc = accountText(account);
        return regionText == null ? Msg.WHERE_ACCOUNT.format(language, acc) : Msg.WHERE_ACCOUNT_REGION.format(language, acc, regionText);
    }

    /**
     * MFA for sign-ins (MFAUsed) and for API calls (the session's mfaAuthenticated). A federated sign-in
     * does its MFA at the identity provider, which AWS does not see: saying 「使用なし」 would be wrong.
     */
    private String mfa(CloudTrailRecord r) {
        if (r.isConsoleSignIn() && "ConsoleLogin".equals(r.eventName())) {
            IdentityType type = r.userIdentity().type();
            if (type == IdentityType.ASSUMED_ROLE || type == IdentityType.FEDERATED_USER || type == IdentityType.SAML_USER
                    || type == IdentityType.WEB_IDENTITY_USER) {
                return Msg.MFA_AT_IDP.in(language);
            }
            Boolean used = r.mfaUsed();
            return used == null ? null : (used ? Msg.MFA_USED : Msg.MFA_NOT_USED).in(language);
        }
        JsonNode flag = r.detail() == null ? null
                : r.detail().path("userIdentity").path("sessionContext").path("attributes").get("mfaAuthenticated");
        Boolean authenticated = flag == null ? null : cloudtrail.notifier.event.Json.bool(flag);
        return authenticated == null ? null : (authenticated ? Msg.MFA_USED : Msg.MFA_NOT_USED).in(language);
    }

    /** What the body lists, and the one resource the subject names (a catalog resource of a known kind), if any. */
    private record Targets(List<Target> targets, int omitted, String forSubject) {}

    /** The resources the catalog says the call names; the generic extraction when it says nothing. */
    private Targets targets(CloudTrailRecord r) {
        EventEntry entry = catalog.event(r.eventSource(), r.eventName()).orElse(null);
        if (entry == null || entry.targets().isEmpty() || r.detail() == null) {
            ResourceExtractor.Found generic = resources.extract(r, language);
            return new Targets(generic.targets(), generic.omitted(), null);
        }
        List<Target> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String forSubject = null;
        int omitted = 0;
        for (TargetSpec spec : entry.targets()) {
            Text kind = spec.kind() == null || spec.kind().equals("field") ? null : catalog.kind(r.eventSource(), spec.kind());
            String label = kind != null ? kind.in(language) : spec.path().leaf();
            List<String> values = new java.util.ArrayList<>();
            if (spec.format() != null) {
                for (JsonNode node : spec.path().values(r.detail())) {
                    values.addAll(ResourceExtractor.format(spec.format(), node, r, language));
                }
            } else {
                values = spec.path().texts(r.detail());
            }
            for (String value : values) {
                String key = label + "\u0000" + value;
                if (!seen.add(key)) {
                    continue;
                }
                if (out.size() == MAX_TARGETS) {
                    omitted++;
                    continue;
                }
                boolean withheld = Redactor.isWithheld(value); // the parser withheld it: a secret, not a name
                if (forSubject == null && kind != null && !value.startsWith("http") && !withheld) {
                    forSubject = value;
                }
                out.add(Redactor.WITHHELD.equals(value) ? Target.withheldField(label) : Target.field(label, value));
            }
        }
        if (out.isEmpty()) {
            ResourceExtractor.Found generic = resources.extract(r, language);
            return new Targets(generic.targets(), generic.omitted(), null);
        }
        return new Targets(out, omitted, forSubject);
    }

    /** A resource in the subject: its short name, cut plainly (the body shows it whole). */
    private String subjectPart(String value) {
        String s = safe(shortName(value), 4 * MAX_SUBJECT_TARGET);
        if (s.length() <= MAX_SUBJECT_TARGET) {
            return s;
        }
        int end = MAX_SUBJECT_TARGET - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private Rendered render(OtherEvent e) {
        FindingView view = findingViews.of(e); // GuardDuty, Security Hub, AWS Health; null for other senders
        Reason reason = view != null && view.reason() != null ? catalog.reason(view.reason()) : severityPolicy.assess(e);
        String summary = SafeText.line(Coalesce.first(view == null ? null : view.headline(), e.title(), e.envelope().detailType(),
                e.envelope().source() == null ? null : Msg.EVENT_GENERIC.format(language, e.envelope().source()),
                Msg.NOT_AVAILABLE.in(language)), MAX_SHORT, language);
        String account = e.envelope().account();

        Body body = new Body(language);
        body.line(Msg.WHAT, summary);
        body.line(Msg.WHERE, where(account, e.envelope().region()));
        body.line(Msg.WHEN, time.line(e.envelope().time(), language));
        body.line(Msg.REASON, severityText(reason));
        if (view == null && reason.severity() != Severity.INFO && reason.next() != null) {
            body.line(Msg.NEXT, reason.next().in(language));
        }
        if (view != null) {
            show(body, view);
        } else {
            showGeneric(body, e);
        }
        body.blank();
        body.line(Msg.DETAIL_TYPE, safe(e.envelope().detailType(), MAX_SHORT));
        body.line(Msg.EVENT_SOURCE, safe(e.envelope().source(), MAX_SHORT));
        body.kept(Msg.EVENT_ID, safe(e.envelope().id(), MAX_SHORT));

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", reason.severity().attributeValue());
        attribute(attributes, "eventSource", e.envelope().source());
        attribute(attributes, "eventName", e.envelope().detailType());
        attribute(attributes, "account", account);
        attribute(attributes, "region", e.envelope().region());
        Notification notification = new Notification(subject(reason.severity(), summary, null, account),
                body.build(maxMessageBytes, attributes), attributes,
                about(reason.severity(), summary, body, thread(account, e.envelope().source()), e.envelope().id(), e.envelope()));
        String next = reason.severity() != Severity.INFO && reason.next() != null ? safe(reason.next().in(language), MAX_NEXT) : null;
        String source = safe(e.envelope().source(), MAX_SHORT);
        return new Rendered(notification, new Gist(safe(e.envelope().id(), MAX_SHORT), reason.severity(),
                reason.label(language), next, e.envelope().time().instant(), summary, null, false, false,
                account == null ? null : safe(account, MAX_SHORT), null, source, source));
    }

    private String summary(CloudTrailRecord r, Outcome outcome) {
        String what = SafeText.line(phrase(r.eventSource(), r.eventName()), MAX_SHORT, language);
        if (r.userIdentity().type() == IdentityType.ROOT) {
            what = Msg.BY_ROOT.format(language, what);
        }
        return outcome.failed() ? what + Msg.FAILED_SUFFIX.in(language) : what;
    }

    /** What the call did, in words: the catalog's phrase, or one composed from the API's verb and noun. */
    String phrase(String eventSource, String eventName) {
        if (eventName == null) {
            return Msg.NOT_AVAILABLE.in(language);
        }
        EventEntry entry = catalog.event(eventSource, eventName).orElse(null);
        if (entry != null) {
            return entry.phrase().in(language);
        }
        Map<String, Text> nouns = catalog.service(eventSource).map(Catalog.ServiceFile::nouns).orElse(Map.of());
        return catalog.words().compose(eventName, catalog.serviceName(eventSource), nouns, language);
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
            List<String> all = e.envelope().resources();
            body.list(Msg.TARGETS, all.stream().limit(Body.MAX_LIST_ITEMS).map(s -> safe(s, MAX_TARGET)).toList(),
                    all.size() - Math.min(all.size(), Body.MAX_LIST_ITEMS));
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
    private Rendered renderInsight(CloudTrailEvent e) {
        CloudTrailRecord r = e.record();
        Assessor.Assessment assessment = assessor.assess(r, false);
        String account = Coalesce.first(e.envelope().account(), r.recipientAccountId());
        String region = Coalesce.first(r.awsRegion(), e.envelope().region());
        FindingView view = new InsightView(language).view(r, region);
        String summary = SafeText.line(view.headline(), MAX_SHORT, language);

        Body body = new Body(language);
        body.line(Msg.WHAT, summary);
        // Insights events name nobody; one that does (it was not written by CloudTrail) says whom
        String who = identities.describe(r.userIdentity(), account, language);
        if (!Msg.NOT_AVAILABLE.in(language).equals(who)) {
            body.line(Msg.WHO, who);
        }
        body.line(Msg.WHERE, where(account, region));
        body.line(Msg.WHEN, time.line(r.eventTime().isPresent() ? r.eventTime() : e.envelope().time(), language));
        body.line(Msg.REASON, Msg.SEVERITY_WITH_REASON.format(language, assessment.severity().label(language),
                assessment.label(language)));
        show(body, view);
        body.blank();
        body.kept(Msg.EVENT_ID, safe(r.eventId(), MAX_SHORT));

        Map<String, String> attributes = new LinkedHashMap<>();
        attribute(attributes, "severity", assessment.severity().attributeValue());
        attribute(attributes, "eventSource", r.eventSource());
        attribute(attributes, "eventName", r.eventName());
        attribute(attributes, "account", account);
        attribute(attributes, "region", region);
        attribute(attributes, "outcome", Outcome.of(r).failed() ? "failure" : "success");
        Notification notification = new Notification(subject(assessment.severity(), summary, null, account),
                body.build(maxMessageBytes, attributes), attributes,
                about(assessment.severity(), summary, body, thread(account, r.eventSource()), r.eventId(), e.envelope()));
        EventTime when = r.eventTime().isPresent() ? r.eventTime() : e.envelope().time();
        return new Rendered(notification, new Gist(safe(r.eventId(), MAX_SHORT), assessment.severity(), assessment.label(language),
                null, when.instant(), summary, null, false, false, account == null ? null : safe(account, MAX_SHORT), null,
                "insight", "CloudTrail Insights"));
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
            body.kept(view.linkLabel(), view.link());
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
        if (source == null || name == null) {
            return safe(Coalesce.first(source, name), MAX_SHORT);
        }
        return safe(source, MAX_SHORT) + " / " + safe(name, MAX_SHORT);
    }

    private List<String> targetLines(List<Target> targets) {
        List<String> lines = new java.util.ArrayList<>(targets.size());
        for (Target t : targets) {
            String value = t.withheld() ? Msg.WITHHELD.in(language) : SafeText.name(t.value(), MAX_TARGET, language);
            String label = t.kind() == ResourceKind.FIELD ? safe(t.field(), MAX_SHORT) : t.kind().label(language);
            lines.add(label + ": " + value);
        }
        return lines;
    }

    /**
     * "【重大】summary（who・111122223333）": severity first, then what happened and to what, who, and the
     * account last; cut to what SNS accepts as a subject, the summary giving way first.
     */
    String subject(Severity severity, String summary, String who, String account) {
        String safeAccount = account == null ? null : accountText(SafeText.line(account, 20, language));
        String tail = who == null ? safeAccount
                : safeAccount == null ? who : Msg.SUBJECT_WHO_ACCOUNT.format(language, who, safeAccount);
        String s = compose(severity, summary, tail);
        if (s.length() <= Limits.MAX_SUBJECT_CHARS) {
            return s;
        }
        int overflow = s.length() - Limits.MAX_SUBJECT_CHARS + 1; // room for the ellipsis
        int keep = Math.max(0, summary.length() - overflow);
        if (keep > 0 && Character.isHighSurrogate(summary.charAt(keep - 1))) {
            keep--;
        }
        String shortened = compose(severity, summary.substring(0, keep) + "…", tail);
        return shortened.length() <= Limits.MAX_SUBJECT_CHARS ? shortened : cut(shortened, Limits.MAX_SUBJECT_CHARS);
    }

    /** The last resort, when even the tail (escaped, it can grow) does not fit: cut the whole subject. */
    private static String cut(String s, int max) {
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private String compose(Severity severity, String summary, String tail) {
        return tail == null
                ? Msg.SUBJECT_NO_ACCOUNT.format(language, severity.label(language), summary)
                : Msg.SUBJECT.format(language, severity.label(language), summary, tail);
    }

    /** The event in the CloudTrail console of its region, or null when the event cannot be linked. */
    static String consoleLink(String region, String eventId) {
        if (region == null || eventId == null || eventId.length() > MAX_SHORT || !isRegion(region)) {
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

    /**
     * The body: "label: value" lines, with "not available" for what the event lacks. Every list shows
     * at most {@link #MAX_LIST_ITEMS} items and says how many it left out; when the whole is still too
     * big for SNS, the lines after the cut give way but the kept ones (the event ID and the console
     * link), which are short and bounded, so the reader can always find the event.
     */
    private static final class Body {
        static final int MAX_LIST_ITEMS = 20;
        /** A kept line longer than this (a link built from a forged ID) is cut like any other. */
        private static final int MAX_KEPT_BYTES = 4_096;

        private record Line(String text, boolean kept) {}

        private final List<Line> lines = new java.util.ArrayList<>();
        private final List<Field> fields = new java.util.ArrayList<>();
        private final Language language;

        Body(Language language) {
            this.language = language;
        }

        /** A line with nothing to say is left out rather than shown as "not available". */
        void line(Msg label, String value) {
            add(label, value, false);
        }

        /** A line the cut does not reach: what finds the event again (its ID, the console link). */
        void kept(Msg label, String value) {
            add(label, value, true);
        }

        private void add(Msg label, String value, boolean kept) {
            if (value == null || value.isEmpty()) {
                return;
            }
            String text = label.in(language) + ": " + value + "\n";
            lines.add(new Line(text, kept && Limits.utf8Length(text) <= MAX_KEPT_BYTES));
            fields.add(new Field(label, label.in(language), List.of(value)));
        }

        /** The labelled parts, in order, as the formats that are not mail take them. */
        List<Field> fields() {
            return fields;
        }

        /** Separates the five lines and what follows them from the details. */
        void blank() {
            lines.add(new Line("\n", false));
        }

        /** At most MAX_LIST_ITEMS items, then 「ほか N 件」 for the rest and for the omitted the caller counted. */
        void list(Msg label, List<String> items, int omitted) {
            if (items.isEmpty()) {
                return;
            }
            lines.add(new Line(label.in(language) + ":\n", false));
            int shown = Math.min(items.size(), MAX_LIST_ITEMS);
            for (String item : items.subList(0, shown)) {
                lines.add(new Line("  - " + item + "\n", false));
            }
            int more = omitted + items.size() - shown;
            if (more > 0) {
                lines.add(new Line("  " + Msg.MORE_ITEMS.format(language, more) + "\n", false));
            }
            fields.add(new Field(label, label.in(language), items.subList(0, shown), more));
        }

        /**
         * The text, within what SNS accepts once the attributes are counted: lines are taken in order
         * while they fit; at the first that does not, a note says where the cut is and only the kept
         * lines follow.
         */
        String build(int maxBytes, Map<String, String> attributes) {
            int budget = maxBytes - Limits.attributeBytes(attributes);
            StringBuilder whole = new StringBuilder(1024);
            int total = 0;
            int keptBytes = 0;
            for (Line l : lines) {
                whole.append(l.text());
                int bytes = Limits.utf8Length(l.text());
                total += bytes;
                if (l.kept()) {
                    keptBytes += bytes;
                }
            }
            if (total <= budget) {
                return whole.toString();
            }
            String note = Msg.MESSAGE_CUT_KEEPING.format(language, maxBytes) + "\n";
            int room = budget - keptBytes - Limits.utf8Length(note);
            if (keptBytes == 0 || room < 0) {
                return Limits.fitMessage(whole.toString(), Math.max(0, budget), language, maxBytes);
            }
            StringBuilder out = new StringBuilder();
            boolean cut = false;
            for (Line l : lines) {
                if (l.kept()) {
                    out.append(l.text());
                } else if (!cut) {
                    int bytes = Limits.utf8Length(l.text());
                    if (bytes <= room) {
                        out.append(l.text());
                        room -= bytes;
                    } else {
                        cut = true;
                        out.append(note);
                    }
                }
            }
            return out.toString();
        }
    }
}
