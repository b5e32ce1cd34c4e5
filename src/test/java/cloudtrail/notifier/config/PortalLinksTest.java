package cloudtrail.notifier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.render.Notification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console link opens the event in its own account, through the access portal, when the portal is set. */
class PortalLinksTest {
    private static final Map<String, String> PORTAL = Map.of("ACCESS_PORTAL_URL", "https://d-9567a1b2c3.awsapps.com/start/",
            "PORTAL_ROLE_NAME", "ReadOnlyAccess");

    @Test
    void theLinkSignsInToTheEventsAccountWithThePermissionSetThenOpensTheEvent() {
        Notification n = new Notifier(NotifierConfig.fromEnvironment(PORTAL)).render(Fixtures.event("cloudtrail-stop-logging.json"));
        String line = n.message().lines().filter(l -> l.startsWith("CloudTrail コンソール: ")).findFirst().orElseThrow();
        String link = line.substring("CloudTrail コンソール: ".length());

        assertTrue(link.startsWith("https://d-9567a1b2c3.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess&destination="),
                link);
        String destination = URLDecoder.decode(link.substring(link.indexOf("&destination=") + 13), StandardCharsets.UTF_8);
        assertEquals("https://ap-northeast-1.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-1"
                + "#/events/7570d776-efa3-48c1-a78d-89440d507dd5", destination);
        URI.create(link); // a well-formed URL as it stands
    }

    @Test
    void withoutAPortalTheLinkIsTheConsolesOwnAsBefore() {
        assertNull(PortalLinks.fromEnvironment(Map.of()));
        assertEquals(new Notifier(NotifierConfig.fromEnvironment(Map.of())).render(Fixtures.event("cloudtrail-stop-logging.json")),
                new Notifier(new NotifierConfig(java.time.ZoneId.of("Asia/Tokyo"), Language.JA)).render(Fixtures.event("cloudtrail-stop-logging.json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a portal without a role|https://d-9567a1b2c3.awsapps.com||PORTAL_ROLE_NAME is not set",
        "a role without a portal||ReadOnlyAccess|ACCESS_PORTAL_URL is not set",
        "plain http|http://d-9567a1b2c3.awsapps.com|ReadOnlyAccess|ACCESS_PORTAL_URL='http://d-9567a1b2c3.awsapps.com' is not an https URL",
        "a role with a space|https://d-9567a1b2c3.awsapps.com|Read Only|PORTAL_ROLE_NAME='Read Only' is not a permission set name",
    })
    void aBadValueStopsTheFunctionAtStartNamingTheVariable(String name, String portal, String role, String message) {
        Map<String, String> env = new java.util.HashMap<>();
        if (portal != null) {
            env.put("ACCESS_PORTAL_URL", portal);
        }
        if (role != null) {
            env.put("PORTAL_ROLE_NAME", role);
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> NotifierConfig.fromEnvironment(env));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
