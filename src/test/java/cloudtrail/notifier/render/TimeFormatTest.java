package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.event.EventTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeFormatTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-25T09:47:10Z          | Asia/Tokyo       | 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）
            2025-02-10T23:41:18Z          | Asia/Tokyo       | 2025-02-11（火）08:41:18 JST（UTC 2025-02-10 23:41:18）
            2024-12-31T15:00:00Z          | Asia/Tokyo       | 2025-01-01（水）00:00:00 JST（UTC 2024-12-31 15:00:00）
            2024-12-31T14:59:59Z          | Asia/Tokyo       | 2024-12-31（火）23:59:59 JST（UTC 2024-12-31 14:59:59）
            2024-02-29T20:00:00Z          | Asia/Tokyo       | 2024-03-01（金）05:00:00 JST（UTC 2024-02-29 20:00:00）
            2023-07-01T12:00:00Z          | America/New_York | 2023-07-01（土）08:00:00 EDT（UTC 2023-07-01 12:00:00）
            2023-07-01T12:00:00Z          | UTC              | 2023-07-01（土）12:00:00 UTC
            2023-07-01T12:00:00Z          | +05:30           | 2023-07-01（土）17:30:00 UTC+05:30（UTC 2023-07-01 12:00:00）
            2023-04-25T09:47:10.123Z      | Asia/Tokyo       | 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）
            2023-04-25T09:47:10+00:00     | Asia/Tokyo       | 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）
            2023-04-25 09:47:10           | Asia/Tokyo       | 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）
            2023-04-25 09:47:10.000000000 | Asia/Tokyo       | 2023-04-25（火）18:47:10 JST（UTC 2023-04-25 09:47:10）
            2023-04-25%20:47              | Asia/Tokyo       | 2023-04-25%20:47（時刻として解釈できません）
            """)
    void showsTheTimeInTheReadersZoneWithWeekdayAndUtcBeside(String eventTime, String zone, String expected) {
        TimeFormat format = new TimeFormat(ZoneId.of(zone));

        String line = format.line(EventTime.parse(eventTime), Language.JA);

        assertEquals(expected, line);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-25T09:47:10Z          | Asia/Tokyo       | Tue 2023-04-25 18:47:10 JST (UTC 2023-04-25 09:47:10)
            2023-07-01T12:00:00Z          | UTC              | Sat 2023-07-01 12:00:00 UTC
            """)
    void englishPutsTheWeekdayFirst(String eventTime, String zone, String expected) {
        assertEquals(expected, new TimeFormat(ZoneId.of(zone)).line(EventTime.parse(eventTime), Language.EN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ja", "en"})
    void aMissingTimeHasNoLine(String language) {
        assertEquals(null, new TimeFormat(ZoneId.of("Asia/Tokyo")).line(EventTime.parse(null), Language.fromCode(language)));
    }
}
