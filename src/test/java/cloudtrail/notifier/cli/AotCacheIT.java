package cloudtrail.notifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.MotoTopic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's faster start for the command line, run as written there: the AOT cache trained by
 * `--publish --dry-run` (nothing sent), then `--publish` with the cache, whose classes (ours and the
 * SDK's) the JVM takes from the cache, and which publishes once. The built jar and this JDK, as a user would run them.
 */
class AotCacheIT {
    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("aot-cache");
    private static final Pattern TRAIN = Pattern.compile("^\\s*java (-XX:AOTCacheOutput=\\S+.*?)\\\\\\n\\s+(-jar .*)$", Pattern.MULTILINE);
    private static final Pattern RUN = Pattern.compile("^\\s*java (-XX:AOTCache=\\S+ .*)$", Pattern.MULTILINE);

    @Test
    void readmesCommandsTrainTheCacheWithoutSendingAndThePublishUsesIt(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        // the Japanese and the English sections each show both commands, the same ones
        List<String> trainings = TRAIN.matcher(readme).results().map(m -> m.group(1).trim() + " " + m.group(2).trim()).distinct().toList();
        List<String> runs = RUN.matcher(readme).results().map(m -> m.group(1).trim()).distinct().toList();
        assertEquals(1, trainings.size(), "one training command in README: " + trainings);
        assertEquals(1, runs.size(), "one command with the cache in README: " + runs);
        assertEquals(2, RUN.matcher(readme).results().count(), "both languages show it");
        Path cache = dir.resolve("cli.aot");
        SNS.queue().drain();

        Result trained = java(words(trainings.get(0), cache, "events/ssm-start-session.json"));
        assertEquals(0, trained.status(), trained.err());
        assertTrue(trained.out().startsWith("events/ssm-start-session.json: not sent (dry run): "), trained.out());
        assertTrue(Files.size(cache) > 0, "the cache was written");
        assertEquals(0, SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)).size(), "training sent nothing");

        List<String> withCache = words(runs.get(0), cache, "events/ssm-start-session.json");
        // a cache the JVM cannot use is silently passed over: the class-loading log shows whether it was used
        Path classes = dir.resolve("classes.txt");
        withCache.add(0, "-Xlog:class+load=info:file=" + classes);
        Result published = java(withCache);
        assertEquals(0, published.status(), published.err());
        assertTrue(published.out().startsWith("events/ssm-start-session.json: published as SNS message "), published.out());
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.contains("cloudtrail.notifier.cli.Main source: shared objects file"), "the command line's classes came from the cache");
        assertTrue(loaded.contains("software.amazon.awssdk.services.sns.SnsClient source: shared objects file"), "and the SDK's");
        assertEquals(1, SNS.queue().receive(1, Duration.ofSeconds(20)).size());
    }

    /** README's words, with the cache in the test's directory and the sample for FILE. */
    private static List<String> words(String command, Path cache, String file) {
        List<String> words = new ArrayList<>();
        for (String w : command.trim().split("\\s+")) {
            words.add(w.replace("target/cli.aot", cache.toString()).replace("FILE", file));
        }
        return words;
    }

    private record Result(int status, String out, String err) {}

    private static Result java(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.remove("AWS_SESSION_TOKEN");
        env.put("AWS_REGION", MotoTopic.REGION);
        env.put("AWS_ENDPOINT_URL_SNS", SNS.moto().endpoint().toString());
        env.put("TOPIC_ARN", SNS.topicArn());
        Path out = Files.createTempFile("aot-out", ".txt");
        Path err = Files.createTempFile("aot-err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 60 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
