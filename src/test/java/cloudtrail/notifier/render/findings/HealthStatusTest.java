package cloudtrail.notifier.render.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.config.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS Health's status codes and categories in words, and how urgent each makes the notification. */
class HealthStatusTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            open     | 発生中 | open
            upcoming | 予定   | upcoming
            closed   | 終了   | closed
            CLOSED   | 終了   | closed
            pending  | NULL   | NULL
            NULL     | NULL   | NULL
            """)
    void statusCodesReadAsWords(String code, String ja, String en) {
        assertEquals(ja, HealthView.status(code, Language.JA));
        assertEquals(en, HealthView.status(code, Language.EN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            issue               | open     | health-issue
            issue               | closed   | health-notice
            investigation       | open     | health-issue
            scheduledChange     | upcoming | health-scheduled-change
            scheduledChange     | open     | health-scheduled-change
            scheduledChange     | closed   | health-notice
            accountNotification | open     | health-notice
            NULL                | NULL     | health-notice
            """)
    void categoryAndStatusDecideUrgency(String category, String status, String reason) {
        assertEquals(reason, HealthView.reason(category, status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            issue               | 障害・問題
            scheduledChange     | 予定された変更・保守
            accountNotification | お知らせ
            investigation       | 調査中の事象
            """)
    void categoriesReadAsWords(String code, String ja) {
        assertEquals(ja, HealthView.category(code, Language.JA));
    }
}
