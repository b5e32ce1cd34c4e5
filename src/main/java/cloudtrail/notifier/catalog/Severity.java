package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;
import java.util.Locale;

/** How urgent a notification is. It leads the subject and is a message attribute for filter policies. */
public enum Severity {
    CRITICAL("重大", "Critical"),
    WARNING("警告", "Warning"),
    INFO("情報", "Info");

    private final String ja;
    private final String en;

    Severity(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String label(Language language) {
        return language == Language.JA ? ja : en;
    }

    /** The value of the "severity" message attribute: critical, warning or info. */
    /** "critical", "warning" or "info" (any case); null for anything else. */
    public static Severity fromAttribute(String value) {
        for (Severity s : values()) {
            if (s.attributeValue().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }

    /** The less urgent of the two. */
    public Severity atMost(Severity other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
