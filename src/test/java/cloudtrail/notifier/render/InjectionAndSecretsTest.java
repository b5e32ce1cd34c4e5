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
