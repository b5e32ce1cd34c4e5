package cloudtrail.notifier.bench;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Warm rendering throughput for every sample in events/, against two baselines measured in the
 * same run: Jackson parsing the same bytes into a tree (the floor: rendering starts by doing
 * that), and the seed's Python function formatting the same event (bench/seed_format_throughput.py).
 *
 * <p>Run: {@code .ci/with-jdk mvn -B -q -Pbench clean test-compile exec:exec@jmh}; add
 * {@code -Dbench.args=--full} for longer runs, or {@code -Dbench.args=--events=a.json,b.json} for a subset.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmarks {
    @Param("ssm-start-session.json")
    public String event;

    private byte[] bytes;
    private Notifier notifier;
    private JsonTrees trees;

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(Path.of("events", event));
        notifier = new Notifier(NotifierConfig.fromEnvironment(Map.of()));
        trees = new JsonTrees();
    }

    /** The floor: Jackson reading the event into a tree, which rendering starts with. */
    @Benchmark
    public JsonNode parse() throws IOException {
        return trees.read(bytes);
    }

    /** What the function does per event before publishing: parse, interpret, render. */
    @Benchmark
    public Notification render() {
        return notifier.render(bytes);
    }

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("--full");
        List<String> events;
        try (Stream<Path> files = Files.list(Path.of("events"))) {
            events = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        for (String arg : args) {
            if (arg.startsWith("--events=")) { // a subset, for a quick look while tuning
                List<String> wanted = List.of(arg.substring("--events=".length()).split(","));
                events = events.stream().filter(wanted::contains).toList();
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RenderBenchmarks.class.getName())
                .param("event", events.toArray(String[]::new))
                .forks(1)
                .warmupIterations(full ? 5 : 2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(full ? 10 : 3)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Double> parseMicros = new HashMap<>();
        Map<String, Double> renderMicros = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getParam("event");
            double micros = r.getPrimaryResult().getScore();
            (r.getParams().getBenchmark().endsWith(".parse") ? parseMicros : renderMicros).put(name, micros);
        }
        Map<String, Double> python = seedPythonThroughput(events, full ? 2.0 : 0.5);

        System.out.println();
        System.out.println("warm rendering, per event (JMH average time; Python: events/s of the seed's formatting)");
        System.out.printf(Locale.ROOT, "%-46s %9s %9s %7s %12s %12s %8s%n",
                "event", "parse µs", "render µs", "r/p", "java ev/s", "python ev/s", "j/py");
        double worstRatio = 0;
        double minSpeedup = Double.MAX_VALUE;
        for (String e : events) {
            double p = parseMicros.get(e);
            double r = renderMicros.get(e);
            double javaRate = 1_000_000 / r;
            double pyRate = python.getOrDefault(e, Double.NaN);
            worstRatio = Math.max(worstRatio, r / p);
            minSpeedup = Math.min(minSpeedup, javaRate / pyRate);
            System.out.printf(Locale.ROOT, "%-46s %9.2f %9.2f %7.2f %12.0f %12.0f %8.1f%n",
                    e, p, r, r / p, javaRate, pyRate, javaRate / pyRate);
        }
        System.out.printf(Locale.ROOT, "worst render/parse ratio: %.2f (target <= 2.0)%n", worstRatio);
        System.out.printf(Locale.ROOT, "lowest speed-up over the seed's Python: %.1f x (target >= 20)%n", minSpeedup);
    }

    private static Map<String, Double> seedPythonThroughput(List<String> events, double seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "bench/seed_format_throughput.py",
                "--seconds", String.valueOf(seconds)));
        events.forEach(e -> command.add("events/" + e));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> rates = new HashMap<>();
        JsonTrees json = new JsonTrees();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {
                    JsonNode r = json.read(line);
                    rates.put(r.get("event").asText(), r.get("eventsPerSecond").asDouble());
                } else {
                    System.out.println("python: " + line);
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the seed's Python benchmark failed");
        }
        return rates;
    }
}
