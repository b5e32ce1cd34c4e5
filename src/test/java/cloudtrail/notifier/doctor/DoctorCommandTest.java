package cloudtrail.notifier.doctor;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.cli.MainAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `doctor`'s command line: mistakes in it exit with 2 before any AWS call. */
class DoctorCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return MainAccess.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            doctor --bogus                        | unknown option --bogus
            doctor --stack                        | --stack needs a value
            doctor --region ap-northeast-1 extra  | unexpected argument extra
            doctor --template no-such.yaml        | no-such.yaml: no such file
            """)
    void aWrongCommandLineIsAUsageError(String args, String problem) {
        int status = run(Map.of(), args.split(" "));

        assertEquals(2, status);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.startsWith("cloudtrail-notifier doctor: " + problem + "\nusage: java -jar cloudtrail-notifier.jar doctor"), stderr);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        int status = run(Map.of("NOTIFY_LANGUAGE", "fr"), "doctor", "--region", "ap-northeast-1");

        assertEquals(2, status);
        assertEquals("cloudtrail-notifier doctor: NOTIFY_LANGUAGE is not a supported language: use ja or en\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        int status = run(Map.of(), "doctor", "--help");

        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(DoctorCommand.USAGE), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theMainUsageNamesTheCommand() {
        int status = run(Map.of(), "--help");

        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: java -jar cloudtrail-notifier.jar doctor [--stack NAME] [--region R]"));
    }

    @Test
    void aResultLineCarriesItsAdviceOnlyWhenSomethingIsToBeDone() {
        assertEquals("[OK] Dead-letter queue: empty",
                DoctorCommand.line(CheckResult.ok(Topic.DEAD_LETTERS, "empty"), cloudtrail.notifier.config.Language.EN));
        assertEquals("[未確認] デッドレターキュー: 理由 → 対処: 手順",
                DoctorCommand.line(CheckResult.unchecked(Topic.DEAD_LETTERS, "理由", "手順"), cloudtrail.notifier.config.Language.JA));
    }
}
