package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Msg;
import cloudtrail.notifier.render.TimeFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * An AWS Health event: which service, whether it is happening now, planned or over, what it
 * touches, when, and AWS's own explanation. The explanation is long prose meant for a web page;
 * it is kept to its first thousand characters.
 */
final class HealthView {
    private final TimeFormat time;
    private final Language language;

    HealthView(TimeFormat time, Language language) {
        this.time = time;
        this.language = language;
    }

    static boolean applies(OtherEvent e) {
        return "aws.health".equals(e.envelope().source()) && e.detail() != null && e.detail().isObject();
    }

    /** open/upcoming/closed → 発生中/予定/終了; null for a status AWS Health does not document. */
    static String status(String statusCode, Language language) {
        if (statusCode == null) {
            return null;
        }
        return switch (statusCode.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> Words.HEALTH_OPEN.in(language);
            case "upcoming" -> Words.HEALTH_UPCOMING.in(language);
            case "closed" -> Words.HEALTH_CLOSED.in(language);
            default -> null;
        };
    }

    /** issue/scheduledChange/accountNotification/investigation in words; null for others. */
    static String category(String code, Language language) {
        if (code == null) {
            return null;
        }
        return switch (code.trim()) {
            case "issue" -> Words.HEALTH_ISSUE.in(language);
            case "scheduledChange" -> Words.HEALTH_SCHEDULED_CHANGE.in(language);
            case "accountNotification" -> Words.HEALTH_ACCOUNT_NOTIFICATION.in(language);
            case "investigation" -> Words.HEALTH_INVESTIGATION.in(language);
            default -> null;
        };
    }

    /** An open issue or a coming change may need someone; a notice or a closed event is for the record. */
    static String reason(String categoryCode, String statusCode) {
        boolean closed = "closed".equalsIgnoreCase(statusCode);
        if (!closed && ("issue".equals(categoryCode) || "investigation".equals(categoryCode))) {
            return "health-issue";
        }
        if (!closed && "scheduledChange".equals(categoryCode)) {
            return "health-scheduled-change";
        }
        return "health-notice";
    }

    FindingView view(OtherEvent e) {
        JsonNode d = e.detail();
        String service = Values.shortText(Json.text(d, "service"), language);
        String typeCode = Values.shortText(Json.text(d, "eventTypeCode"), language);
        String categoryCode = Json.text(d, "eventTypeCategory");
        String statusCode = Json.text(d, "statusCode");
        String category = category(categoryCode, language);
        String status = status(statusCode, language);
        if (category == null) {
            category = Values.shortText(categoryCode, language);
        }
        if (status == null) {
            status = Values.shortText(statusCode, language);
        }

        Targets targets = new Targets(language);
        JsonNode entities = d.get("affectedEntities");
        if (entities != null && entities.isArray()) {
            for (JsonNode entity : entities) {
                String value = Values.shortText(Json.text(entity, "entityValue"), language);
                String name = Values.shortText(Json.text(Json.object(entity, "tags"), "Name"), language);
                targets.add(Msg.ENTITY.in(language), value == null ? null : Targets.withName(value, name, language));
            }
        }

        Facts facts = new Facts()
                .add(Msg.SERVICE, service)
                .add(Msg.HEALTH_EVENT_TYPE, typeCode)
                .add(Msg.HEALTH_CATEGORY, category)
                .add(Msg.STATUS, status)
                .add(Msg.START_TIME, Moments.show(Json.text(d, "startTime"), time, language))
                .add(Msg.END_TIME, Moments.show(Json.text(d, "endTime"), time, language))
                // the envelope's account and region are already shown: only a different one is news
                .add(Msg.AFFECTED_ACCOUNT, differs(Json.text(d, "affectedAccount"), e.envelope().account()))
                .add(Msg.REGION, differs(Json.text(d, "eventRegion"), e.envelope().region()));

        String headline = service == null && category == null ? null
                : Words.HEALTH_HEADLINE.format(language, service == null ? Words.UNKNOWN.in(language) : service,
                        category == null ? Words.UNKNOWN.in(language) : category,
                        status == null ? Words.UNKNOWN.in(language) : status);
        boolean closed = "closed".equalsIgnoreCase(statusCode);
        Words check = closed ? Words.HEALTH_CHECK_CLOSED
                : "issue".equals(categoryCode) || "investigation".equals(categoryCode) ? Words.HEALTH_CHECK_ISSUE
                : "scheduledChange".equals(categoryCode) ? Words.HEALTH_CHECK_SCHEDULED
                : Words.HEALTH_CHECK_NOTICE;
        return new FindingView(headline, reason(categoryCode, statusCode), null,
                Msg.AFFECTED_RESOURCES, targets.list(), targets.omitted(), true, facts.list(language),
                null, check.in(language),
                new Facts().add(Msg.DESCRIPTION, Values.prose(description(d, language), Values.PROSE, language)).list(language),
                Msg.HEALTH_CONSOLE, link(Json.text(d, "eventArn")));
    }

    private String differs(String value, String shown) {
        return value == null || value.equals(shown) ? null : Values.shortText(value, language);
    }

    /** The description in the reader's language when AWS Health sent one, else the English one, else any. */
    private static String description(JsonNode d, Language language) {
        JsonNode descriptions = d.get("eventDescription");
        if (descriptions == null || !descriptions.isArray()) {
            return null;
        }
        String own = null;
        String english = null;
        String any = null;
        for (JsonNode description : descriptions) {
            String text = Json.text(description, "latestDescription");
            if (text == null) {
                continue;
            }
            String lang = String.valueOf(Json.text(description, "language")).toLowerCase(Locale.ROOT);
            any = any == null ? text : any;
            if (own == null && lang.startsWith(language.code())) {
                own = text;
            }
            if (english == null && lang.startsWith("en")) {
                english = text;
            }
        }
        return own != null ? own : english != null ? english : any;
    }

    /** The event in the AWS Health Dashboard (global, not per region). */
    static String link(String eventArn) {
        if (eventArn == null || !eventArn.startsWith("arn:")) {
            return null;
        }
        return "https://health.aws.amazon.com/health/home#/account/event-log?eventID=" + ConsoleLinks.encode(eventArn)
                + "&eventTab=details";
    }
}
