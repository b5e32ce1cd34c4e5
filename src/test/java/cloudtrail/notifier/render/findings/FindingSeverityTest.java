package cloudtrail.notifier.render.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloudtrail.notifier.config.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GuardDuty's bands at their edges, and Security Hub's labels, in the words a reader sees. */
class FindingSeverityTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0   | LOW      | 低（1.0）  | finding-low
            3.9   | LOW      | 低（3.9）  | finding-low
            4.0   | MEDIUM   | 中（4.0）  | finding-medium
            6.9   | MEDIUM   | 中（6.9）  | finding-medium
            7.0   | HIGH     | 高（7.0）  | finding-high
            8     | HIGH     | 高（8.0）  | finding-high
            8.9   | HIGH     | 高（8.9）  | finding-high
            9.0   | CRITICAL | 重大（9.0） | finding-critical
            10    | CRITICAL | 重大（10.0） | finding-critical
            """)
    void guardDutyScoresFallInTheirBands(double score, FindingSeverity band, String words, String reason) {
        assertEquals(band, FindingSeverity.ofScore(score));
        assertEquals(words, FindingSeverity.describeScore(score, Language.JA));
        assertEquals(reason, FindingSeverity.ofScore(score).reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CRITICAL      | 重大 | Critical
            HIGH          | 高   | High
            MEDIUM        | 中   | Medium
            LOW           | 低   | Low
            INFORMATIONAL | 情報 | Informational
            informational | 情報 | Informational
            """)
    void securityHubLabelsReadInBothLanguages(String label, String ja, String en) {
        assertEquals(ja, FindingSeverity.ofLabel(label).label(Language.JA));
        assertEquals(en, FindingSeverity.ofLabel(label).label(Language.EN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SEVERE", "null", "UNKNOWN"})
    void unknownSecurityHubLabelsHaveNoBand(String label) {
        assertNull(FindingSeverity.ofLabel(label));
    }
}
