package cloudtrail.notifier.render;

import cloudtrail.notifier.event.EventTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a time in the reader's zone with the zone spelled out, and in UTC beside it, so nobody has
 * to guess which clock a line means: "2023-04-25 18:47:10 JST (UTC+09:00)".
 */
public final class TimeFormat {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final ZoneId zone;

    public TimeFormat(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "2023-04-25 18:47:10 JST (UTC+09:00)". */
    public String local(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
        String name = ZONE_NAME.format(t);
        StringBuilder b = new StringBuilder(40).append(LOCAL.format(t)).append(' ');
        if (!name.startsWith("GMT") && !name.startsWith("UTC") && !name.startsWith("+") && !name.startsWith("-")) {
            b.append(name).append(' ');
        }
        return b.append("(UTC").append(offset).append(')').toString();
    }

    /** "2023-04-25 09:47:10". */
    public static String utc(Instant instant) {
        return LOCAL.format(instant.atZone(ZoneOffset.UTC));
    }

    /** The line a notification shows: local time, then UTC; the raw text when it is not a time. */
    public String line(EventTime time, Language language) {
        if (!time.isKnown()) {
            return time.isPresent()
                    ? Msg.TIME_UNREADABLE.format(language, SafeText.line(time.raw(), 100, language))
                    : Msg.NOT_AVAILABLE.in(language);
        }
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return local(time.instant());
        }
        return local(time.instant()) + " / " + Msg.TIME_UTC.format(language, utc(time.instant()));
    }
}
