package cloudtrail.notifier.bench;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.testing.ContainerCredentialsEndpoint;
import cloudtrail.notifier.testing.LambdaSandbox;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SqsBatches;
import cloudtrail.notifier.testing.SqsQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The restored path: a SnapStart version's hooks run in the real runtime interface client (init,
 * beforeCheckpoint, /restore/next, afterRestore), then the first event (an SQS batch of one, as deployed),
 * then the next ones, each against moto; the seed's Python function's warm invocation publishing the same
 * event to the same moto is the baseline, measured in the same run. The harness does not snapshot the JVM
 * (no CRaC here): what it measures is the restored environment's work, not the restore of its memory.
 *
 * <pre>.ci/with-jdk mvn -B -q -Pbench test-compile exec:exec@restored   (README)</pre>
 */
public final class RestoredPath {
    private static final String TOKEN = "bench-authorization-token";
    private static final Duration STEP = Duration.ofSeconds(60);

    private RestoredPath() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String sample = args.length > 1 ? args[1] : "ssm-start-session.json";
        // another JAVA_TOOL_OPTIONS than the template's, alternated round by round with the template's, to
        // compare in the same run (e.g. "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        String alternative = args.length > 2 && !args[2].isBlank() ? args[2] : null;
        // this process's own SDK clients (setting up moto) sign with moto's test keys; the function gets its own
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        MotoTopic sns = new MotoTopic("restored-path");
        sns.beforeAll(null);
        Map<String, Timings> results = new LinkedHashMap<>();
        List<String> configurations = new ArrayList<>();
        configurations.add(null);
        if (alternative != null) {
            configurations.add(alternative);
        }
        try {
            // one round unmeasured: moto's own first requests are slow
            run(sns, sample, null, new Timings());
            // the seed's warm invocations are sampled in every round, beside the function's, and pooled: one
            // sample at the end alone swung from 7 to 13 ms between runs on this machine
            List<Double> seedTimes = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String options : configurations) {
                    run(sns, sample, options, results.computeIfAbsent(options == null ? "" : options, k -> new Timings()));
                }
                seedTimes.addAll(seedWarm(sns, sample));
            }
            double seed = median(seedTimes);
            System.out.printf("restored path, %d rounds, event %s (an SQS batch of one), against moto%n", rounds, sample);
            for (var entry : results.entrySet()) {
                Timings t = entry.getValue();
                System.out.printf("  JAVA_TOOL_OPTIONS %s%n", entry.getKey().isEmpty() ? "as template.yaml" : "'" + entry.getKey() + "'");
                System.out.printf("    restore to the first event's answer: median %.1f ms (%s)%n", median(t.first), t.first);
                System.out.printf("    the next events: median %.1f ms%n", median(t.next));
                System.out.printf("    ratio first event after restore / seed warm: %.2f (target 1.5 or less)%n", median(t.first) / seed);
                System.out.printf("    ratio next events / seed warm: %.2f%n", median(t.next) / seed);
            }
            System.out.printf("  the seed's warm invocation (same event, same moto, 20 a round): median %.1f ms of %d%n", seed,
                    seedTimes.size());
        } finally {
            sns.afterAll(null);
        }
    }

    private record Timings(List<Double> first, List<Double> next) {
        Timings() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** One SnapStart version: init and beforeCheckpoint, then the restore, its first event and five more. */
    private static void run(MotoTopic sns, String sample, String javaOptions, Timings timings) throws Exception {
        try (RuntimeApi api = new RuntimeApi(); ContainerCredentialsEndpoint credentials = new ContainerCredentialsEndpoint(TOKEN)) {
            Map<String, String> env = sns.deployedEnvironment(sns.moto().endpoint().toString(), sns.newLedger());
            env.remove("AWS_ACCESS_KEY_ID");
            env.remove("AWS_SECRET_ACCESS_KEY");
            env.remove("AWS_SESSION_TOKEN");
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", TOKEN);
            if (javaOptions != null) {
                env.put("JAVA_TOOL_OPTIONS", javaOptions);
            }
            try (LambdaSandbox function = LambdaSandbox.start(api, true, env)) {
                function.await(api.checkpointed(), STEP);
                long start = System.nanoTime();
                api.restore();
                check(function.await(api.invoke(batch(sample)), STEP), function);
                timings.first().add((System.nanoTime() - start) / 1e6);
                for (int i = 0; i < 5; i++) {
                    // events apart, as batches are: back to back, the pace (MAX_PUBLISHES_PER_SECOND) would be timed
                    Thread.sleep(600);
                    long t = System.nanoTime();
                    check(function.await(api.invoke(batch(sample)), STEP), function);
                    timings.next().add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        sns.queue().drain();
    }

    /** A new copy of the sample each time (a new event ID), so the ledger lets every one through. */
    private static byte[] batch(String sample) {
        String event = new String(Fixtures.event(sample), StandardCharsets.UTF_8)
                .replaceFirst("\"eventID\"\\s*:\\s*\"[^\"]*\"", "\"eventID\": \"" + UUID.randomUUID() + "\"");
        return SqsBatches.event("arn:aws:sqs:ap-northeast-1:123456789012:notification-queue",
                List.of(new SqsQueue.Received(UUID.randomUUID().toString(), "r", event, "m")));
    }

    private static void check(RuntimeApi.Result result, LambdaSandbox function) {
        if (result.error() || !result.body().contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("the function failed: " + result.body() + "\n" + function.output());
        }
    }

    /** The seed's lambda_handler (boto3 to the same moto), warmed, then timed per invocation: the times in ms. */
    private static List<Double> seedWarm(MotoTopic sns, String sample) throws Exception {
        String script = """
                import json, os, statistics, sys, time
                sys.path.insert(0, "bench/seed004")
                import lambda_function
                event = json.load(open(sys.argv[1], encoding="utf-8"))
                for _ in range(20):
                    lambda_function.lambda_handler(event, None)
                times = []
                for _ in range(20):
                    t = time.perf_counter()
                    lambda_function.lambda_handler(event, None)
                    times.append((time.perf_counter() - t) * 1000)
                print(" ".join(str(t) for t in times))
                """;
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script, "events/" + sample).redirectErrorStream(false);
        pb.environment().put("AWS_ENDPOINT_URL", sns.moto().endpoint().toString());
        pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        pb.environment().put("AWS_DEFAULT_REGION", MotoTopic.REGION);
        pb.environment().put("AWS_REGION", MotoTopic.REGION);
        pb.environment().put("TOPIC_ARN", sns.topicArn());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the seed failed: " + err);
        }
        String[] lines = out.split("\n");
        List<Double> times = new ArrayList<>();
        for (String t : lines[lines.length - 1].trim().split(" ")) {
            times.add(Double.parseDouble(t));
        }
        return times;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
