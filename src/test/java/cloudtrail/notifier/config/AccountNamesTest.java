package cloudtrail.notifier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.render.Notification;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** People think in 「本番」「検証」, not in account IDs: the name goes with the ID wherever the account is shown. */
class AccountNamesTest {
    @Test
    void aSampleFromANamedAccountShowsTheNameWithTheIdInTheSubjectAndTheWhereLine() {
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of("NOTIFY_ACCOUNT_NAMES", "111122223333=本番,444455556666=検証")));

        Notification n = notifier.render(Fixtures.event("cloudtrail-stop-logging.json"));

        assertTrue(n.subject().endsWith("・本番（111122223333））"), n.subject());
        assertTrue(n.message().contains("\nどこで: アカウント 本番（111122223333）、東京（ap-northeast-1）\n"), n.message());
        assertEquals("111122223333", n.messageAttributes().get("account"), "filter policies keep matching the ID");
    }

    @Test
    void inEnglishTheNameComesWithTheIdInBrackets() {
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of("NOTIFY_ACCOUNT_NAMES", "111122223333=Production",
                "NOTIFY_LANGUAGE", "en")));

        Notification n = notifier.render(Fixtures.event("cloudtrail-stop-logging.json"));

        assertTrue(n.subject().endsWith(", Production (111122223333))"), n.subject());
    }

    @Test
    void anAccountWithoutANameIsShownByItsIdAsBefore() {
        Notifier named = new Notifier(NotifierConfig.fromEnvironment(Map.of("NOTIFY_ACCOUNT_NAMES", "444455556666=検証")));
        Notifier plain = new Notifier(NotifierConfig.fromEnvironment(Map.of()));

        assertEquals(plain.render(Fixtures.event("cloudtrail-stop-logging.json")),
                named.render(Fixtures.event("cloudtrail-stop-logging.json")));
    }

    @Test
    void theTemplatesEmptyMarkerAndBlankEntriesMeanNoNames() {
        assertEquals(AccountNames.NONE, AccountNames.parse("-", "AccountNames"));
        assertEquals(Map.of("111122223333", "本番"), AccountNames.parse(" 111122223333 = 本番 ,\n", "AccountNames").names());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an ID of 11 digits|11112222333=本番|NOTIFY_ACCOUNT_NAMES: '11112222333=本番' is not ACCOUNT_ID=NAME with a 12-digit account ID",
        "no name|111122223333=|NOTIFY_ACCOUNT_NAMES: the name for 111122223333 must be 1 to 40 visible characters",
        "no equals sign|111122223333|NOTIFY_ACCOUNT_NAMES: the name for 111122223333 must be 1 to 40 visible characters",
        "a control character|111122223333=本\u0007番|NOTIFY_ACCOUNT_NAMES: the name for 111122223333 must be 1 to 40 visible characters",
        "an account twice|111122223333=本番,111122223333=検証|NOTIFY_ACCOUNT_NAMES: account 111122223333 is named twice",
    })
    void aBadValueStopsTheFunctionAtStartNamingTheEntry(String name, String value, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> NotifierConfig.fromEnvironment(Map.of("NOTIFY_ACCOUNT_NAMES", value)));

        assertEquals(message, e.getMessage());
    }
}
