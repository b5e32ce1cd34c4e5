package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.EventTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Writes a time in the reader's zone with the zone spelled out, and in UTC beside it, so nobody has
 * to guess which clock a line means: 「2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）」, with the
 * weekday, since "Saturday night" is how an operator on call thinks of it.
 */
public final class TimeFormat {
    /** Looked up once: the locale data behind getDisplayName costs more than the rest of the line. */
    private static final String[] WEEKDAYS_JA = weekdays(Locale.JAPANESE);
    private static final String[] WEEKDAYS_EN = weekdays(Locale.ENGLISH);

    private final ZoneId zone;
    /** Looking a zone's abbreviation up is slow; a zone has two, for standard and daylight time. */
    private final String standardName;
    private final String daylightName;

    public TimeFormat(ZoneId zone) {
        this.zone = zone;
        java.util.TimeZone tz = java.util.TimeZone.getTimeZone(zone);
        this.standardName = tz.getDisplayName(false, java.util.TimeZone.SHORT, Locale.ENGLISH);
        this.daylightName = tz.getDisplayName(true, java.util.TimeZone.SHORT, Locale.ENGLISH);
    }

    public ZoneId zone() {
        return zone;
    }

    /** "2023-04-25 18:47:10 JST (UTC+09:00)". */
    public String local(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
        String name = zone.getRules().isDaylightSavings(instant) ? daylightName : standardName;
        StringBuilder b = new StringBuilder(40);
        appendLocal(b, t.toLocalDateTime()).append(' ');
        if (!name.startsWith("GMT") && !name.startsWith("UTC") && !name.startsWith("+") && !name.startsWith("-")) {
            b.append(name).append(' ');
        }
        return b.append("(UTC").append(offset).append(')').toString();
    }

    /** "2023-04-25 09:47:10". */
    public static String utc(Instant instant) {
        return appendLocal(new StringBuilder(19), java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC)).toString();
    }

    private static StringBuilder appendLocal(StringBuilder b, java.time.LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            b.append(t.toLocalDate()).append(' '); // ISO's own form for years it pads or signs
        } else {
            b.append(year).append('-');
            two(b, t.getMonthValue()).append('-');
            two(b, t.getDayOfMonth()).append(' ');
        }
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        return two(b, t.getSecond());
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** The line a notification shows: local time, then UTC; the raw text when it is not a time; null without one. */
    public String line(EventTime time, Language language) {
        if (!time.isKnown()) {
            return time.isPresent()
                    ? Msg.TIME_UNREADABLE.format(language, SafeText.line(time.raw(), 100, language))
                    : null; // an event without a time has no line for it
        }
        Instant instant = time.instant();
        ZonedDateTime t = instant.atZone(zone);
        StringBuilder b = new StringBuilder(64);
        String weekday = (language == Language.JA ? WEEKDAYS_JA : WEEKDAYS_EN)[t.getDayOfWeek().ordinal()];
        if (language == Language.JA) {
            appendDate(b, t.toLocalDate()).append('（').append(weekday).append('）');
        } else {
            appendDate(b.append(weekday).append(' '), t.toLocalDate()).append(' ');
        }
        appendTime(b, t.toLocalTime()).append(' ').append(zoneLabel(instant, t));
        if (!zone.normalized().equals(ZoneOffset.UTC)) {
            b.append(language == Language.JA ? "（UTC " : " (UTC ").append(utc(instant)).append(language == Language.JA ? "）" : ")");
        }
        return b.toString();
    }

    private static String[] weekdays(Locale locale) {
        String[] names = new String[7];
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            names[d.ordinal()] = d.getDisplayName(TextStyle.SHORT, locale);
        }
        return names;
    }

    /** "JST", "EDT"; "UTC+05:30" where the zone has no abbreviation; "UTC" for UTC itself. */
    private String zoneLabel(Instant instant, ZonedDateTime t) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        String name = zone.getRules().isDaylightSavings(instant) ? daylightName : standardName;
        if (name.startsWith("GMT") || name.startsWith("UTC") || name.startsWith("+") || name.startsWith("-")) {
            return "UTC" + t.getOffset().getId();
        }
        return name;
    }

    private static StringBuilder appendDate(StringBuilder b, java.time.LocalDate d) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            return b.append(d); // ISO's own form for years it pads or signs
        }
        b.append(year).append('-');
        two(b, d.getMonthValue()).append('-');
        return two(b, d.getDayOfMonth());
    }

    private static StringBuilder appendTime(StringBuilder b, java.time.LocalTime t) {
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        return two(b, t.getSecond());
    }
}
