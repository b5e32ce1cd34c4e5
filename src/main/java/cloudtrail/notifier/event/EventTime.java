package cloudtrail.notifier.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When an event happened. CloudTrail writes ISO-8601 UTC ("2023-04-25T09:47:10Z"); CloudTrail Lake
 * and Insights exports drop the zone ("2023-04-25 09:47:10.000"), which is still UTC. Anything else
 * is kept as the raw text so the reader still sees what was sent.
 */
public record EventTime(Instant instant, String raw) {
    public static final EventTime ABSENT = new EventTime(null, null);

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    public static EventTime parse(String text) {
        if (text == null || text.isBlank()) {
            return ABSENT;
        }
        String s = text.trim();
        try {
            return new EventTime(Instant.parse(s), text);
        } catch (DateTimeParseException notIsoInstant) {
            // fall through to the zone-less forms
        }
        try {
            String iso = s.replace(' ', 'T');
            return new EventTime(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC), text);
        } catch (DateTimeParseException notIsoLocal) {
            // fall through
        }
        try {
            return new EventTime(LocalDateTime.parse(s, SPACED).toInstant(ZoneOffset.UTC), text);
        } catch (DateTimeParseException unreadable) {
            return new EventTime(null, text);
        }
    }

    public boolean isKnown() {
        return instant != null;
    }

    public boolean isPresent() {
        return raw != null;
    }
}
