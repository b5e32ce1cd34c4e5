package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.NotOneEvent;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.testing.TestContext;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that is not one event fails the invocation (Lambda retries it, then the dead-letter queue
 * keeps it) with the reason in the exception and in the log line: a key held twice, where EventBridge's
 * matcher sees both values and a parser keeps one, and bytes that are not well-formed UTF-8. Through
 * the function's own entry point, {@code handleRequest}, offline (a SAM CLI dry run: same parser).
 */
class HandlerRejectsNotOneEventTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Handler HANDLER =
            new Handler(Map.of("AWS_SAM_LOCAL", "true", "TOPIC_ARN", "NotificationTopic", "AWS_REGION", "us-east-1"));

    static Stream<Arguments> notOneEvent() {
        return NotOneEvent.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneEvent")
    void isRejectedWithTheReasonInTheExceptionAndTheLog(String name, byte[] input, String reason) throws Exception {
        TestContext context = new TestContext();

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> HANDLER.handleRequest(new ByteArrayInputStream(input), new ByteArrayOutputStream(), context));

        assertTrue(e.getMessage().startsWith(reason), () -> "expected " + reason + "\n     got " + e.getMessage());
        assertEquals(1, context.logLines().size(), context.logLines()::toString);
        assertEquals(LogLevel.ERROR, context.logLevels().get(0));
        JsonNode log = MAPPER.readTree(context.logLines().get(0));
        assertEquals("event rejected: " + e.getMessage(), log.path("message").asText());
        assertEquals(input.length, log.path("inputBytes").asInt());
        assertSafe(log.path("inputPreview").asText());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        ByteArrayOutputStream without = new ByteArrayOutputStream();

        HANDLER.handleRequest(new ByteArrayInputStream(NotOneEvent.withUtf8ByteOrderMark()), withBom, new TestContext());
        HANDLER.handleRequest(new ByteArrayInputStream(Fixtures.event(NotOneEvent.BASE_FILE)), without, new TestContext());

        JsonNode response = MAPPER.readTree(withBom.toByteArray());
        assertEquals(MAPPER.readTree(without.toByteArray()), response);
        assertEquals("7570d776-efa3-48c1-a78d-89440d507dd5", response.path("eventId").asText());
    }

    /** The log's preview shows bytes that are not UTF-8 as \xNN and controls as \\uNNNN: nothing hidden, nothing invalid. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("previews")
    void thePreviewOfARejectedInputIsItselfSafeText(String name, byte[] input, String preview) {
        assertEquals(preview, Handler.preview(input));
    }

    static Stream<Arguments> previews() {
        return Stream.of(
                Arguments.of("overlong bytes", bytes("{\"a\":\"", "C0AF", "\"}"), "{\"a\":\"\\xC0\\xAF\"}"),
                Arguments.of("CESU-8", bytes("{\"a\":\"", "EDA080EDB080", "\"}"), "{\"a\":\"\\xED\\xA0\\x80\\xED\\xB0\\x80\"}"),
                Arguments.of("UTF-16LE", "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE),
                        "{\\u0000\"\\u0000a\\u0000\"\\u0000:\\u00001\\u0000}\\u0000"),
                Arguments.of("line breaks and a bidirectional override", bytes("{\"a\":\"x\n\u202Ey\"}", "", ""),
                        "{\"a\":\"x\\n\\u202Ey\"}"),
                Arguments.of("a pair cut at the preview's end is not split", bytes("x".repeat(199) + "😀😀", "", ""),
                        "x".repeat(199) + "😀"),
                Arguments.of("a multi-byte sequence cut by the preview's byte window", bytes("あ".repeat(300), "", ""),
                        "あ".repeat(200)));
    }

    private static byte[] bytes(String before, String hex, String after) {
        return NotOneEvent.concat(NotOneEvent.concat(before.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex)),
                after.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSafe(String preview) {
        assertFalse(preview.isEmpty());
        for (int i = 0; i < preview.length(); i++) {
            char c = preview.charAt(i);
            assertFalse(Character.isISOControl(c) || c == '\uFFFD' || (c >= '\u202A' && c <= '\u202E'),
                    () -> "preview has U+" + String.format("%04X", (int) c) + ": " + preview);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < preview.length() && Character.isLowSurrogate(preview.charAt(++i)), preview);
            } else {
                assertFalse(Character.isLowSurrogate(c), preview);
            }
        }
    }
}
