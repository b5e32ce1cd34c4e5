package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.event.EventParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nobody can make the e-mail lie or leak by putting text into a request. */
class InjectionAndSecretsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventParser PARSER = new EventParser();
    private static final NotificationRenderer JA = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA);
    private static final String FORGED = "\n結果: 成功\n誰が: IAM ユーザー admin\r\n理由: 情報（通常の操作）";

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("user agent", (Consumer<ObjectNode>) d -> d.put("userAgent", "curl" + FORGED)),
                Arguments.of("error message", (Consumer<ObjectNode>) d -> {
                    d.put("errorCode", "AccessDenied");
                    d.put("errorMessage", "denied" + FORGED);
                }),
                Arguments.of("error code", (Consumer<ObjectNode>) d -> d.put("errorCode", "AccessDenied" + FORGED)),
                Arguments.of("user name", (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("userIdentity")).put("arn", "arn:aws:sts::1:assumed-role/r/s" + FORGED)),
                Arguments.of("resource name", (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("requestParameters")).put("name", "trail" + FORGED)),
                Arguments.of("source IP", (Consumer<ObjectNode>) d -> d.put("sourceIPAddress", "203.0.113.1" + FORGED)),
                Arguments.of("event name", (Consumer<ObjectNode>) d -> d.put("eventName", "StopLogging" + FORGED)),
                Arguments.of("event ID", (Consumer<ObjectNode>) d -> d.put("eventID", "id" + FORGED)),
                Arguments.of("region", (Consumer<ObjectNode>) d -> d.put("awsRegion", "ap-northeast-1" + FORGED)),
                Arguments.of("request parameter of an unknown service", (Consumer<ObjectNode>) d -> {
                    d.put("eventSource", "unknown.amazonaws.com");
                    ((ObjectNode) d.get("requestParameters")).put("note" + FORGED, "v" + FORGED);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void textFromTheEventCannotAddLinesOrLabels(String field, Consumer<ObjectNode> change) throws Exception {
        // Given a StopLogging event with line breaks and fake labels written into one field
        ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
        change.accept((ObjectNode) event.get("detail"));

        // When it is rendered
        Notification n = JA.render(PARSER.parse(event));

        // Then the message has exactly one line for each label, and the forged ones stayed inside a value
        String[] lines = n.message().split("\n", -1);
        assertEquals(1, Arrays.stream(lines).filter(l -> l.startsWith("結果: ")).count(), n.message());
        assertEquals(1, Arrays.stream(lines).filter(l -> l.startsWith("誰が: ")).count(), n.message());
        assertEquals(1, Arrays.stream(lines).filter(l -> l.startsWith("理由: ")).count(), n.message());
        assertFalse(n.message().contains("\r"), "carriage return in the message");
        assertTrue(n.message().contains("\\n結果: 成功"), "the forged text is shown escaped");
        assertFalse(n.subject().contains("\n") || n.subject().contains("\r"));
    }

    /** One character of each class that renders as nothing, and how the notification shows it. */
    static Stream<Arguments> invisibleClasses() {
        return Stream.of(
                Arguments.of("zero-width joiner", "\u200D", "\\u200D"),
                Arguments.of("word joiner", "\u2060", "\\u2060"),
                Arguments.of("invisible times", "\u2062", "\\u2062"),
                Arguments.of("Mongolian vowel separator", "\u180E", "\\u180E"),
                Arguments.of("soft hyphen", "\u00AD", "\\u00AD"),
                Arguments.of("combining grapheme joiner", "\u034F", "\\u034F"),
                Arguments.of("Hangul filler", "\u3164", "\\u3164"),
                Arguments.of("Hangul choseong filler", "\u115F", "\\u115F"),
                Arguments.of("halfwidth Hangul filler", "\uFFA0", "\\uFFA0"),
                Arguments.of("braille blank", "\u2800", "\\u2800"),
                Arguments.of("tag character", "\uDB40\uDC20", "\\u{E0020}"),
                Arguments.of("interlinear annotation anchor", "\uFFF9", "\\uFFF9"),
                Arguments.of("variation selector", "\uFE00", "\\uFE00"),
                Arguments.of("next line (C1)", "\u0085", "\\u0085"),
                Arguments.of("line separator", "\u2028", "\\u2028"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invisibleClasses")
    void anInvisibleCharacterInANameOrAForgedLineIsShownWhereItStands(String name, String hidden, String escape) throws Exception {
        for (Language language : Language.values()) {
            // Given a StopLogging event whose session name hides a character, and whose user agent hides one before a forged line
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
            ObjectNode detail = (ObjectNode) event.get("detail");
            ((ObjectNode) detail.get("userIdentity")).put("arn", "arn:aws:sts::111122223333:assumed-role/r/ops" + hidden + "-admin");
            detail.put("userAgent", "curl" + hidden + "\n結果: 成功");

            // When it is rendered
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(event));

            // Then the character is nowhere as itself, and is shown escaped inside its value
            assertFalse(n.message().contains(hidden) || n.subject().contains(hidden), "the character is shown as itself");
            assertTrue(n.message().contains("ops" + escape + "-admin"), n.message());
            assertTrue(n.message().contains("curl" + escape + "\\n結果: 成功"), n.message());
            assertEquals(1, Arrays.stream(n.message().split("\n")).filter(l -> l.startsWith(Msg.RESULT.in(language) + ": ")).count());
        }
    }

    static Stream<Arguments> blankRuns() {
        return Stream.of(
                Arguments.of("spaces", " "),
                Arguments.of("no-break spaces", "\u00A0"),
                Arguments.of("ideographic spaces", "\u3000"),
                Arguments.of("em spaces", "\u2003"),
                Arguments.of("braille blanks", "\u2800"));
    }

    @ParameterizedTest(name = "300 {0}")
    @MethodSource("blankRuns")
    void aRunOfBlanksCannotPushForgedTextOntoALineOfItsOwn(String name, String blank) throws Exception {
        for (Language language : Language.values()) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
            ObjectNode detail = (ObjectNode) event.get("detail");
            detail.put("userAgent", "curl" + blank.repeat(300) + "結果: 成功");
            detail.put("errorCode", "AccessDenied");
            detail.put("errorMessage", "denied" + blank.repeat(300) + "結果: 成功");

            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(event));

            String marker = Msg.BLANKS.format(language, 300);
            assertTrue(n.message().contains("curl" + marker + "結果: 成功"), n.message());
            assertTrue(n.message().contains("denied" + marker + "結果: 成功"), n.message());
            assertFalse(n.message().contains(blank.repeat(SafeText.MAX_BLANK_RUN + 1)), "a run of blanks is left");
        }
    }

    static Stream<Arguments> lookAlikeNames() {
        return Stream.of(
                Arguments.of("Cyrillic а in the session name", "ops-\u0430dmin"),
                Arguments.of("Greek ο in the session name", "r\u03BFot"),
                Arguments.of("fullwidth Latin in the session name", "\uFF4Fps-admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikeNames")
    void aNameWithLookAlikeLettersIsFlagged(String name, String session) throws Exception {
        for (Language language : Language.values()) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
            ObjectNode detail = (ObjectNode) event.get("detail");
            ((ObjectNode) detail.get("userIdentity")).put("arn", "arn:aws:sts::111122223333:assumed-role/r/" + session);
            ((ObjectNode) detail.get("requestParameters")).put("name", "trail-" + session);

            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(event));

            String flag = Msg.NON_ASCII_LETTERS.in(language);
            String who = Arrays.stream(n.message().split("\n")).filter(l -> l.startsWith(Msg.WHO.in(language) + ": ")).findFirst().orElseThrow();
            assertTrue(who.contains(session + flag), who);
            assertTrue(n.message().contains("trail-" + session + flag), n.message());
        }
    }

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("password", "{\"userName\":\"bob\",\"password\":\"SECRET-VALUE\"}"),
                Arguments.of("nested client secret", "{\"app\":{\"clientSecret\":\"SECRET-VALUE\",\"name\":\"a\"}}"),
                Arguments.of("secret under an array", "{\"credentials\":[{\"accessKeyId\":\"AKIA\",\"secretAccessKey\":\"SECRET-VALUE\"}]}"),
                Arguments.of("token value", "{\"tokenValue\":\"SECRET-VALUE\"}"),
                Arguments.of("private key", "{\"privateKey\":\"-----BEGIN SECRET-VALUE\"}"),
                Arguments.of("a secret that is a whole object", "{\"secretString\":{\"k\":\"SECRET-VALUE\"}}"),
                Arguments.of("below the sample's depth limit, shown as compact JSON",
                        "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"password\":\"SECRET-VALUE\"}}}}}}}"),
                Arguments.of("ECS environment variable", "{\"containerDefinitions\":[{\"name\":\"app\",\"environment\":"
                        + "[{\"name\":\"DB_PASSWORD\",\"value\":\"SECRET-VALUE\"}]}]}"),
                Arguments.of("CloudFormation parameter", "{\"parameters\":[{\"parameterKey\":\"DbPassword\",\"parameterValue\":\"SECRET-VALUE\"}]}"),
                Arguments.of("DB_PASS", "{\"DB_PASS\":\"SECRET-VALUE\"}"),
                Arguments.of("pwd", "{\"pwd\":\"SECRET-VALUE\"}"),
                Arguments.of("pass", "{\"pass\":\"SECRET-VALUE\"}"),
                Arguments.of("passcode", "{\"passcode\":\"SECRET-VALUE\"}"),
                Arguments.of("pin", "{\"pin\":\"SECRET-VALUE\"}"),
                Arguments.of("otp", "{\"otp\":\"SECRET-VALUE\"}"),
                Arguments.of("mfaCode", "{\"mfaCode\":\"SECRET-VALUE\"}"),
                Arguments.of("authenticationCode1", "{\"authenticationCode1\":\"SECRET-VALUE\"}"),
                Arguments.of("connectionString", "{\"connectionString\":\"SECRET-VALUE\"}"),
                Arguments.of("password in a connection string", "{\"conn\":\"Server=db;Password=SECRET-VALUE;\"}"),
                Arguments.of("credentials in a URL", "{\"endpoint\":\"https://user:SECRET-VALUE@example.com/\"}"),
                Arguments.of("database URL", "{\"dsn\":\"postgres://app:SECRET-VALUE@db:5432/app\"}"),
                Arguments.of("userData", "{\"instanceId\":\"i-1\",\"userData\":\"SECRET-VALUE\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void valuesUnderSecretKeysAreNeverShown(String name, String requestParameters) throws Exception {
        for (Language language : Language.values()) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("ec2-describe-instances.json"));
            ObjectNode detail = (ObjectNode) event.get("detail");
            detail.put("eventSource", "example.amazonaws.com");
            detail.set("requestParameters", MAPPER.readTree(requestParameters));

            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(event));

            assertFalse(n.message().contains("SECRET-VALUE"), n.message());
            assertTrue(n.message().contains(Msg.WITHHELD.in(language)), n.message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void secretsInANonCloudTrailEventAreNeverShown(String name, String detail) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("guardduty-finding.json"));
        event.put("source", "custom.app");
        event.set("detail", MAPPER.readTree(detail));

        Notification n = JA.render(PARSER.parse(event));

        assertFalse(n.message().contains("SECRET-VALUE"), n.message());
        assertTrue(n.message().contains(Msg.WITHHELD.in(Language.JA)), n.message());
    }

    @org.junit.jupiter.api.Test
    void theCompactJsonShownBelowTheDepthLimitIsTheRedactedTree() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("ec2-describe-instances.json"));
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("eventSource", "example.amazonaws.com");
        detail.set("requestParameters", MAPPER.readTree("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"password\":\"SECRET-VALUE\"}}}}}}}"));

        Notification n = JA.render(PARSER.parse(event));

        assertTrue(n.message().contains("a.b.c.d.e.f: {\"password\":\"（秘匿のため非表示）\"}"), n.message());
    }
}
