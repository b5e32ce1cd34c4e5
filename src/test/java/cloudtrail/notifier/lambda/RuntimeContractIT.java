package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.MotoServer;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SamTemplate;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stands in for `sam local invoke` where there is no Docker: the real Lambda Java runtime client runs
 * the function in a child JVM, on the class path `sam build` lays out (classes plus lib/), with the
 * handler string from template.yaml, against a Runtime API served here and SNS served by SNS.moto().
 */
class RuntimeContractIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REGION = "ap-northeast-1";
    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("runtime-contract");

    @Test
    void theRuntimeClientRunsTheTemplatesHandlerAndEveryEventIsPublished() throws Exception {
        List<Path> events = Fixtures.events();
        try (RuntimeApi api = new RuntimeApi(); Function function = Function.start(api, SNS.moto().endpoint().toString())) {
            // When every sample event is invoked through the Runtime API
            List<CompletableFuture<RuntimeApi.Result>> results = new ArrayList<>();
            for (Path event : events) {
                results.add(api.invoke(Fixtures.read(event)));
            }

            // Then each invocation answers with the SNS message ID
            for (int i = 0; i < events.size(); i++) {
                RuntimeApi.Result result = function.await(results.get(i));
                assertFalse(result.error(), events.get(i) + ": " + result.body());
                assertTrue(MAPPER.readTree(result.body()).hasNonNull("messageId"), result.body());
            }
        }

        // And the topic delivered each rendering once
        Notifier notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        Set<String> expected = events.stream().map(p -> notifier.render(Fixtures.read(p)))
                .map(Notification::subject).collect(Collectors.toSet());
        List<SqsQueue.Delivery> deliveries = SNS.queue().receive(events.size(), Duration.ofSeconds(30));
        deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(2)));
        assertEquals(events.size(), deliveries.size());
        assertEquals(expected, deliveries.stream().map(SqsQueue.Delivery::subject).collect(Collectors.toSet()));
    }

    @Test
    void aFailedPublishComesBackThroughTheRuntimeErrorPath() throws Exception {
        String deadEndpoint = "http://127.0.0.1:" + MotoServer.freePort();
        try (RuntimeApi api = new RuntimeApi(); Function function = Function.start(api, deadEndpoint)) {
            RuntimeApi.Result result = function.await(api.invoke(Fixtures.event("cloudtrail-stop-logging.json")));

            assertTrue(result.error(), result.body());
            JsonNode error = MAPPER.readTree(result.body());
            assertEquals("cloudtrail.notifier.publish.PublishException", error.path("errorType").asText(), result.body());
            assertTrue(error.path("errorMessage").asText().contains("7570d776-efa3-48c1-a78d-89440d507dd5"), result.body());

            // and the function keeps serving the next event (here: not JSON, also an error)
            RuntimeApi.Result next = function.await(api.invoke("not json".getBytes(StandardCharsets.UTF_8)));
            assertTrue(next.error(), next.body());
            assertEquals("cloudtrail.notifier.event.InvalidEventException", MAPPER.readTree(next.body()).path("errorType").asText());
        }
    }

    /** The function as the Lambda Java runtime runs it, in a child JVM. */
    private record Function(Process process, Path output) implements AutoCloseable {
        static Function start(RuntimeApi api, String snsEndpoint) throws IOException {
            String handler = SamTemplate.load().functionHandler();
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-cp", samBuildClassPath(),
                    RUNTIME_MAIN, handler);
            Path output = Files.createTempFile("lambda-function", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("NOTIFY_") || k.equals("TOPIC_ARN"));
            env.putAll(Map.of(
                    "AWS_LAMBDA_RUNTIME_API", api.address(),
                    "_HANDLER", handler,
                    "AWS_LAMBDA_FUNCTION_NAME", "cloudtrail-notifier",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                    "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                    "AWS_REGION", REGION,
                    "AWS_ACCESS_KEY_ID", "testing",
                    "AWS_SECRET_ACCESS_KEY", "testing",
                    "AWS_ENDPOINT_URL_SNS", snsEndpoint,
                    "TOPIC_ARN", SNS.topicArn()));
            return new Function(builder.start(), output);
        }

        /** What `sam build` puts in the artifact: the compiled classes and lib/ (here target/lambda/lib). */
        private static String samBuildClassPath() throws IOException {
            List<String> entries = new ArrayList<>();
            entries.add(Path.of("target", "classes").toAbsolutePath().toString());
            for (String dir : List.of("target/lambda/lib", "target/lambda/runtime")) {
                try (Stream<Path> jars = Files.list(Path.of(dir))) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                            .forEach(p -> entries.add(p.toAbsolutePath().toString()));
                }
            }
            return String.join(File.pathSeparator, entries);
        }

        RuntimeApi.Result await(CompletableFuture<RuntimeApi.Result> result) throws Exception {
            try {
                return result.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no answer from the function; its output:\n" + Files.readString(output), e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
