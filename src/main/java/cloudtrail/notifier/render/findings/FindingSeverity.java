package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.config.Language;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A finding's own severity in the words its console uses. GuardDuty scores 1.0-10.0 and names the
 * bands Low (1.0-3.9), Medium (4.0-6.9), High (7.0-8.9) and Critical (9.0-10.0); Security Hub
 * writes the label itself. Each band decides how urgent the notification is.
 */
public enum FindingSeverity {
    CRITICAL("重大", "Critical", "finding-critical"),
    HIGH("高", "High", "finding-high"),
    MEDIUM("中", "Medium", "finding-medium"),
    LOW("低", "Low", "finding-low"),
    INFORMATIONAL("情報", "Informational", "finding-low");

    private final String ja;
    private final String en;
    private final String reason;

    FindingSeverity(String ja, String en, String reason) {
        this.ja = ja;
        this.en = en;
        this.reason = reason;
    }

    public String label(Language language) {
        return language == Language.JA ? ja : en;
    }

    public String reason() {
        return reason;
    }

    /** GuardDuty's band for a score: the lower edge of each band belongs to it (7.0 is High, 6.9 Medium). */
    public static FindingSeverity ofScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return LOW;
    }

    /** Security Hub's Severity.Label; null for anything else. */
    public static FindingSeverity ofLabel(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> CRITICAL;
            case "HIGH" -> HIGH;
            case "MEDIUM" -> MEDIUM;
            case "LOW" -> LOW;
            case "INFORMATIONAL" -> INFORMATIONAL;
            default -> null;
        };
    }

    /** "高（8.0）": the band with the score as GuardDuty's console writes it, one decimal at least. */
    public static String describeScore(double score, Language language) {
        BigDecimal d = BigDecimal.valueOf(score).stripTrailingZeros();
        String number = d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
        String band = ofScore(score).label(language);
        return language == Language.JA ? band + "（" + number + "）" : band + " (" + number + ")";
    }
}
