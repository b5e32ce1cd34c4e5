package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.event.EventParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SNS's limits hold whatever the input: the subject is at most 100 characters, the message with its attributes 256 KiB. */
class NotificationLimitsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventParser PARSER = new EventParser();

    static Stream<Arguments> oversized() {
        String huge = "x".repeat(300_000);
        String hugeJapanese = "あ".repeat(200_000);
        return Stream.of(
                Arguments.of("a 300,000-character event name", (Consumer<ObjectNode>) d -> d.put("eventName", huge)),
                Arguments.of("a Japanese event name of 200,000 characters", (Consumer<ObjectNode>) d -> d.put("eventName", hugeJapanese)),
                Arguments.of("an event name of emoji (two UTF-16 units each)", (Consumer<ObjectNode>) d -> d.put("eventName", "😀".repeat(80))),
                Arguments.of("an event name with line breaks", (Consumer<ObjectNode>) d -> d.put("eventName", "Stop\r\nLogging\u0007\u202E")),
                Arguments.of("a 300,000-character user agent", (Consumer<ObjectNode>) d -> d.put("userAgent", huge)),
                Arguments.of("a 200,000-character Japanese error message", (Consumer<ObjectNode>) d -> {
                    d.put("errorCode", "AccessDenied");
                    d.put("errorMessage", hugeJapanese);
                }),
                Arguments.of("a 300,000-character account", (Consumer<ObjectNode>) d -> d.put("recipientAccountId", huge)),
                Arguments.of("10,000 instances", (Consumer<ObjectNode>) d -> {
                    d.put("eventSource", "ec2.amazonaws.com");
                    d.put("eventName", "TerminateInstances");
                    ArrayNode items = d.putObject("requestParameters").putObject("instancesSet").putArray("items");
                    for (int i = 0; i < 10_000; i++) {
                        items.addObject().put("instanceId", "i-" + "0".repeat(200) + i);
                    }
                }),
                Arguments.of("10,000 long request parameters of an unknown service", (Consumer<ObjectNode>) d -> {
                    d.put("eventSource", "unknown.amazonaws.com");
                    ObjectNode params = d.putObject("requestParameters");
                    for (int i = 0; i < 10_000; i++) {
                        params.put("p" + i, hugeJapanese.substring(0, 1_000));
                    }
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void subjectAndMessageStayWithinSnsLimits(String name, Consumer<ObjectNode> change) throws Exception {
        for (Language language : Language.values()) {
            // Given a real event with one oversized or hostile part
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
            change.accept((ObjectNode) event.get("detail"));
            event.remove("account"); // so the record's own account is what the subject shows

            // When it is rendered
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(event));

            // Then SNS would accept it
            assertTrue(n.subject().length() <= Limits.MAX_SUBJECT_CHARS, "subject has " + n.subject().length() + " chars");
            assertFalse(n.subject().chars().anyMatch(Character::isISOControl), "subject has a control character");
            assertTrue(Limits.utf8Length(n.message()) <= Limits.MAX_MESSAGE_BYTES,
                    "message has " + Limits.utf8Length(n.message()) + " bytes");
            if (!name.contains("emoji") && !name.contains("line breaks")) {
                assertTrue(n.message().matches("(?s).*(省略|truncated|ほか \\d+ 件|and \\d+ more).*"),
                        "an oversized part is cut with a visible note");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudtrail.notifier.testing.OversizedEvents#cases")
    void oversizedEventsFitSnsWithTheirAttributesAndKeepTheEventIdAndLink(String name, byte[] json, String eventId, String link) {
        for (Language language : Language.values()) {
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(json));

            assertTrue(Limits.publishedBytes(n) <= Limits.MAX_MESSAGE_BYTES, "message and attributes have "
                    + Limits.publishedBytes(n) + " bytes");
            assertTrue(n.subject().length() <= Limits.MAX_SUBJECT_CHARS && !n.subject().isEmpty(), n.subject());
            assertFalse(n.subject().chars().anyMatch(Character::isISOControl), "subject has a control character");
            assertTrue(n.message().contains(eventId), "the event ID survives");
            if (link != null) {
                assertTrue(n.message().contains(link), "the link survives");
            }
            assertTrue(n.message().matches("(?s).*(省略|left out|truncated|ほか \\d+ 件|and \\d+ more).*"),
                    "what was cut says so");
        }
    }

    @ParameterizedTest(name = "budget {0} bytes")
    @MethodSource("budgets")
    void aMessageOverTheBudgetIsCutAtALineWithANoteKeepingTheEventIdAndLink(int budget) throws Exception {
        JsonNode event = MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA, budget).render(PARSER.parse(event));

        assertTrue(Limits.publishedBytes(n) <= budget, "message and attributes have " + Limits.publishedBytes(n) + " bytes");
        assertTrue(n.message().contains("［通知の上限 " + budget + " バイトを超えるため、ここから先はイベント ID とリンクのほかを省略しました］\n"
                + "イベント ID: 7570d776-efa3-48c1-a78d-89440d507dd5\n"
                + "CloudTrail コンソール: https://ap-northeast-1.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-1#/events/7570d776-efa3-48c1-a78d-89440d507dd5\n"),
                n.message());
        assertTrue(n.message().endsWith("7570d776-efa3-48c1-a78d-89440d507dd5\n"), n.message());
        assertTrue(n.message().startsWith("何が: CloudTrail のログ記録の停止\n"));
    }

    static Stream<Integer> budgets() {
        return Stream.of(600, 800, 1_000); // the whole message is 929 bytes, the attributes 170
    }

    @Test
    void aBudgetTooSmallForTheEventIdAndLinkStillCutsToFit() throws Exception {
        JsonNode event = MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA, 500).render(PARSER.parse(event));

        assertTrue(Limits.publishedBytes(n) <= 500, "message and attributes have " + Limits.publishedBytes(n) + " bytes");
        assertTrue(n.message().endsWith("［通知の上限 500 バイトを超えるため、ここから先を省略しました］\n"), n.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void subjectIsCutToOneHundredCharactersKeepingSeverityWhoAndAccount(String name, String eventName, boolean cut) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("ec2-describe-instances.json"));
        ((ObjectNode) event.get("detail")).put("eventName", eventName);

        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA).render(PARSER.parse(event));

        assertTrue(n.subject().length() <= Limits.MAX_SUBJECT_CHARS, n.subject().length() + ": " + n.subject());
        assertTrue(n.subject().startsWith("【情報】"), n.subject());
        assertTrue(n.subject().endsWith("（hogehoge・111122223333）"), "who and the account stay: " + n.subject());
        assertEquals(cut, n.subject().contains("…（hogehoge"), n.subject());
        String beforeTail = n.subject().substring(0, n.subject().indexOf("（hogehoge"));
        assertFalse(Character.isHighSurrogate(beforeTail.charAt(beforeTail.length() - 1)), "no half of a character");
    }

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of("short", "DoSomething", false),
                Arguments.of("long", "N".repeat(60), false),
                Arguments.of("too long", "N".repeat(200), true),
                Arguments.of("emoji at the cut", "😀".repeat(60), true));
    }
}
