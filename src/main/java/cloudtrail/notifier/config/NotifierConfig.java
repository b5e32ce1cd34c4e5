package cloudtrail.notifier.config;

import cloudtrail.notifier.config.Language;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * How notifications are written: the reader's time zone and language. Read once at start-up from
 * the environment, so a wrong value stops the function before any event is handled.
 */
public record NotifierConfig(ZoneId timeZone, Language language, AccountNames accountNames, PortalLinks portal) {
    public static final String TIME_ZONE = "NOTIFY_TIME_ZONE";
    public static final String LANGUAGE = "NOTIFY_LANGUAGE";
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Tokyo");
    public static final Language DEFAULT_LANGUAGE = Language.JA;

    public NotifierConfig(ZoneId timeZone, Language language) {
        this(timeZone, language, AccountNames.NONE, null);
    }

    public static NotifierConfig fromEnvironment(Map<String, String> env) {
        return new NotifierConfig(timeZone(env.get(TIME_ZONE)), language(env.get(LANGUAGE)), AccountNames.fromEnvironment(env),
                PortalLinks.fromEnvironment(env));
    }

    private static ZoneId timeZone(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            // SHORT_IDS lets operators write "JST" as well as "Asia/Tokyo".
            return ZoneId.of(value.trim(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw new ConfigurationException(TIME_ZONE + "=" + quote(value)
                    + " is not a time zone: use a region-based ID such as Asia/Tokyo or UTC");
        }
    }

    private static Language language(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        Language language = Language.fromCode(value);
        if (language == null) {
            throw new ConfigurationException(LANGUAGE + "=" + quote(value) + " is not a supported language: use ja or en");
        }
        return language;
    }

    private static String quote(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
