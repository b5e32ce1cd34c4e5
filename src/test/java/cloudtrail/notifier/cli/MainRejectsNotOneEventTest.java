package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.NotOneEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line reads events as the function does: a key held twice or bytes that are not
 * well-formed UTF-8 are an input error (status 2) with the reason on standard error, whether the
 * event is rendered, printed as JSON, or checked against the template's rules.
 */
class MainRejectsNotOneEventTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Stream<Arguments> notOneEvent() {
        return NotOneEvent.cases();
    }

    private int run(byte[] stdin, String... args) {
        return new Main(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneEvent")
    void renderingRejectsIt(String name, byte[] input, String reason) {
        assertRejected(reason, run(input, "-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneEvent")
    void jsonRejectsIt(String name, byte[] input, String reason) {
        assertRejected(reason, run(input, "--json", "-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneEvent")
    void rulesRejectsIt(String name, byte[] input, String reason) {
        assertRejected(reason, run(input, "rules", "-"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "--json", "rules"})
    void aUtf8ByteOrderMarkIsSkipped(String command) {
        int status = command.equals("text") ? run(NotOneEvent.withUtf8ByteOrderMark(), "-")
                : run(NotOneEvent.withUtf8ByteOrderMark(), command, "-");

        assertEquals(Main.OK, status, () -> err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private void assertRejected(String reason, int status) {
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.INPUT_ERROR, status, stderr);
        assertTrue(stderr.startsWith(Main.NAME + ": -: " + reason), () -> "expected " + reason + "\n     got " + stderr);
        assertEquals(1, stderr.lines().count(), stderr);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
