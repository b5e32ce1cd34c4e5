package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.EventTime;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.TimeFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times inside findings and health events, shown in the configured zone. GuardDuty and Security
 * Hub write ISO-8601; AWS Health writes RFC 1123 ("Tue, 11 Feb 2025 13:00:00 GMT"), which
 * EventTime does not read, so it is tried here as well.
 */
final class Moments {
    private Moments() {}

    static EventTime parse(String text) {
        EventTime t = EventTime.parse(text);
        if (t.isKnown() || text == null) {
            return t;
        }
        try {
            return new EventTime(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), text);
        } catch (DateTimeParseException notRfc1123) {
            return t;
        }
    }

    /** The time in the reader's zone; the raw text marked unreadable; null when there is no time. */
    static String show(String text, TimeFormat time, Language language) {
        EventTime t = parse(text);
        if (!t.isPresent()) {
            return null;
        }
        return t.isKnown() ? time.local(t.instant()) : time.line(t, language);
    }
}
