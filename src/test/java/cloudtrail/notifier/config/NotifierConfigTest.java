package cloudtrail.notifier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.config.Language;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifierConfigTest {

    @ParameterizedTest(name = "zone={0} language={1}")
    @CsvSource(nullValues = "NULL", textBlock = """
            NULL             , NULL  , Asia/Tokyo       , JA
            ''               , ''    , Asia/Tokyo       , JA
            Asia/Tokyo       , ja    , Asia/Tokyo       , JA
            UTC              , en    , UTC              , EN
            America/New_York , EN    , America/New_York , EN
            JST              , ja-JP , Asia/Tokyo       , JA
            +09:00           , en_US , +09:00           , EN
            """)
    void readsTimeZoneAndLanguageWithDefaults(String zone, String language, String expectedZone, Language expectedLanguage) {
        Map<String, String> env = new HashMap<>();
        env.put("NOTIFY_TIME_ZONE", zone);
        env.put("NOTIFY_LANGUAGE", language);

        NotifierConfig config = NotifierConfig.fromEnvironment(env);

        assertEquals(ZoneId.of(expectedZone), config.timeZone());
        assertEquals(expectedLanguage, config.language());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
            NOTIFY_TIME_ZONE , Asia/Tokio
            NOTIFY_TIME_ZONE , Tokyo
            NOTIFY_TIME_ZONE , +25:00
            NOTIFY_LANGUAGE  , fr
            NOTIFY_LANGUAGE  , japanese
            """)
    void anInvalidValueFailsNamingTheVariable(String variable, String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> NotifierConfig.fromEnvironment(Map.of(variable, value)));

        assertTrue(e.getMessage().startsWith(variable + "='" + value + "'"), e.getMessage());
    }
}
