package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks a CloudTrail record by what the catalog knows: the general rules and the call's own risk rules,
 * over the request itself. The applicable reason that is most severe, then listed first in
 * reasons.json, decides. A risky call that failed is an attempt: worth a warning, not the alarm the
 * change itself would be.
 */
public final class Assessor {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+(?:\\[\\])?(?:\\.[A-Za-z0-9_]+(?:\\[\\])?)*)\\}");

    private final Catalog catalog;
    private final Check.PolicyReader policies;

    public Assessor(Catalog catalog) {
        this.catalog = catalog;
        this.policies = new Check.PolicyReader(catalog.json());
    }

    /** Why the event got its severity; {@code attempt}: a risky call that failed. */
    public record Assessment(Reason reason, boolean attempt, Text next, EventPattern pattern, Check check) {
        public Severity severity() {
            return attempt ? reason.severity().atMost(Severity.WARNING) : reason.severity();
        }

        /** 「外部アカウントへの共有・信頼の試み（失敗）」 for an attempt, the reason's label otherwise. */
        public String label(Language language) {
            String label = reason.label(language);
            if (!attempt) {
                return label;
            }
            return language == Language.JA ? label + "の試み（失敗）" : "attempted: " + label + " (failed)";
        }
    }

    /**
     * @param failed whether the call failed (errorCode, or a sign-in step's Failure)
     */
    public Assessment assess(CloudTrailRecord r, boolean failed) {
        if (r.isInsight()) {
            return plain(r.insightEnded() ? "routine" : "unusual-activity");
        }
        JsonNode record = r.detail();
        String own = r.recipientAccountId() != null ? r.recipientAccountId() : r.userIdentity().accountId();
        Assessment best = null;
        best = consider(best, catalog.general(), record, own, failed);
        EventEntry entry = catalog.event(r.eventSource(), r.eventName()).orElse(null);
        if (entry != null) {
            best = consider(best, entry.risks(), record, own, failed);
        }
        if (best != null) {
            // only the winner's next step is shown: fill its placeholders, not every candidate's
            return new Assessment(best.reason(), best.attempt(), fill(best.next(), record), best.pattern(), best.check());
        }
        return plain(failed ? "failed-call" : "routine");
    }

    private Assessment consider(Assessment best, List<RiskRule> rules, JsonNode record, String own, boolean failed) {
        if (record == null) {
            return best;
        }
        for (RiskRule rule : rules) {
            if (!rule.applies(record, own, policies)) {
                continue;
            }
            Reason reason = rule.reason();
            boolean attempt = failed && !reason.keepOnFailure();
            Text next = rule.next() != null ? rule.next() : reason.next();
            Assessment candidate = new Assessment(reason, attempt, next, rule.pattern(), rule.check());
            if (best == null || outranks(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean outranks(Assessment a, Assessment b) {
        int bySeverity = Integer.compare(a.severity().ordinal(), b.severity().ordinal());
        return bySeverity != 0 ? bySeverity < 0 : a.reason().rank() < b.reason().rank();
    }

    private Assessment plain(String id) {
        Reason reason = catalog.reason(id);
        return new Assessment(reason, false, reason.next(), null, null);
    }

    /** Fills {dotted.path} with the record's value; a value the record lacks is left for the reader as <name>. */
    static Text fill(Text next, JsonNode record) {
        if (next == null || record == null) {
            return next;
        }
        return new Text(fill(next.ja(), record), fill(next.en(), record));
    }

    /**
     * The value as one shell word: the next step is a command a reader may paste, and the value comes
     * from the event, which whoever made the call wrote. Anything but plain characters is single-quoted.
     */
    static String shellWord(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9._:/@+=,%-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String fill(String template, JsonNode record) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            JsonPath path = JsonPath.parse(m.group(1));
            List<String> values = path.texts(record);
            // a withheld value (event.Redactor) is left for the reader, as one the record lacks
            String value = values.isEmpty() || Redactor.isWithheld(values.get(0)) ? "<" + path.leaf() + ">"
                    : shellWord(values.get(0));
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
