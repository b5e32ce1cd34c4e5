package cloudtrail.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole rendering of every sample event, byte for byte, as a reader gets it: the subject, a
 * blank line, the message. After an intended change, regenerate with
 * {@code .ci/with-jdk mvn test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** English is checked on a few events that exercise every part of the message. */
    private static final List<String> ENGLISH = List.of(
            "signin-iam-user-console-login-failed", "cloudtrail-stop-logging", "ec2-authorize-security-group-ingress",
            "ec2-terminate-instances-denied", "organizations-create-account-result", "guardduty-finding",
            "cloudtrail-insights-api-call-rate");

    private static final Notifier JAPANESE = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.JA));
    private static final Notifier ENGLISH_NOTIFIER = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.EN));

    static Stream<String> events() {
        return Fixtures.events().stream().map(Fixtures::baseName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void japaneseRenderingMatchesGoldenFile(String event) throws IOException {
        check(JAPANESE, event, GOLDEN.resolve("ja").resolve(event + ".txt"));
    }

    static Stream<String> englishEvents() {
        return ENGLISH.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishEvents")
    void englishRenderingMatchesGoldenFile(String event) throws IOException {
        check(ENGLISH_NOTIFIER, event, GOLDEN.resolve("en").resolve(event + ".txt"));
    }

    @Test
    void everyGoldenFileBelongsToASampleEvent() throws IOException {
        Set<String> events = new TreeSet<>(events().toList());
        for (String language : List.of("ja", "en")) {
            try (Stream<Path> files = Files.list(GOLDEN.resolve(language))) {
                Set<String> orphans = new TreeSet<>();
                files.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", ""))
                        .filter(name -> !events.contains(name)).forEach(orphans::add);
                assertTrue(orphans.isEmpty(), "golden files without a sample event in " + language + ": " + orphans);
            }
        }
    }

    private static void check(Notifier notifier, String event, Path golden) throws IOException {
        Notification n = notifier.render(Fixtures.event(event + ".json"));
        String rendered = n.subject() + "\n\n" + n.message();
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + ": run with -Dgolden.update=true and review it");
        assertEquals(new String(Files.readAllBytes(golden), StandardCharsets.UTF_8), rendered,
                "rendering of " + event + " differs from " + golden);
    }
}
