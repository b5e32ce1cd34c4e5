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

    /** Times outside these years cannot be shown in every zone (the offset would overflow them). */
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    public static EventTime parse(String text) {
        EventTime t = parseAny(text);
        if (t.instant != null && (t.instant.isBefore(EARLIEST) || t.instant.isAfter(LATEST))) {
            return new EventTime(null, text);
        }
        return t;
    }

    private static EventTime parseAny(String text) {
        if (text == null || text.isBlank()) {
            return ABSENT;
        }
        String s = text.trim();
        Instant fast = parseCloudTrailForm(s);
        if (fast != null) {
            return new EventTime(fast, text);
        }
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

    /**
     * "2023-04-25T09:47:10Z", the form nearly every record uses, read without a DateTimeFormatter
     * (which costs more than the rest of reading the record). Anything else returns null.
     */
    private static Instant parseCloudTrailForm(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public boolean isKnown() {
        return instant != null;
    }

    public boolean isPresent() {
        return raw != null;
    }
}
