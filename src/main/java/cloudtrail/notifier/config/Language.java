package cloudtrail.notifier.config;

import java.util.Locale;

/** The reader's language. Japanese is the default; English is for readers who need it. */
public enum Language {
    JA("ja", Locale.JAPANESE),
    EN("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** "ja", "EN", "ja-JP", "en_US" all work; null when the value names neither language. */
    public static Language fromCode(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = v.indexOf('-');
        String primary = dash > 0 ? v.substring(0, dash) : v;
        for (Language l : values()) {
            if (l.code.equals(primary)) {
                return l;
            }
        }
        return null;
    }
}
