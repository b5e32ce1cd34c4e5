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
                Arguments.of("a secret that is a whole object", "{\"secretString\":{\"k\":\"SECRET-VALUE\"}}"));
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
}
