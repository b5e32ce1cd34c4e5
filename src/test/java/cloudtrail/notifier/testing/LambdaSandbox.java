package cloudtrail.notifier.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The function as Lambda's managed Java runtime runs it, in a child JVM: the deployment package laid
 * out as `sam build` produces it (the compiled classes at the task root, the runtime-scope jars in
 * lib/) and made the working directory, as /var/task is; the runtime interface client and
 * aws-lambda-java-core on the JVM's own class path, as the managed runtime ships them; the handler
 * string, environment and JVM options from template.yaml; and an environment that holds nothing
 * but what Lambda sets, so nothing on this machine (keys, profiles, ~/.aws) can make a test pass
 * that would fail in Lambda.
 */
public final class LambdaSandbox implements AutoCloseable {
    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** What the managed runtime adds to the JVM's command line on a SnapStart version. */
    private static final String SNAPSTART_COMPAT = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";
    /**
     * The managed runtimes' own tiered-compilation default (Lambda's "Customize Java runtime startup
     * behavior"): java17 and java21 stop at C1 always; java25 does too, except on SnapStart versions (and
     * provisioned concurrency), which get the JVM's full tiering because their warm-up happens before the
     * snapshot. They are on the command line here, as a runtime's bootstrap puts them; the template does not
     * try to override them.
     */
    private static final List<String> C1_ONLY = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path output;
    private final Path taskRoot;

    private LambdaSandbox(Process process, Path output, Path taskRoot) {
        this.process = process;
        this.output = output;
        this.taskRoot = taskRoot;
    }

    /**
     * Starts the function.
     *
     * @param api the Runtime API it talks to
     * @param snapStart whether this is a SnapStart version's initialisation (the hooks run, then
     *     /restore/next)
     * @param environment what the test adds to Lambda's own variables: credentials, the template's
     *     variables, endpoints
     */
    public static LambdaSandbox start(RuntimeApi api, boolean snapStart, Map<String, String> environment) throws IOException {
        SamTemplate template = SamTemplate.load();
        String handler = template.functionHandler();
        String runtime = template.function().path("Runtime").asText();
        Path taskRoot = samBuildArtifact();
        Path home = Files.createTempDirectory("lambda-home"); // no ~/.aws in Lambda

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(runtimeDefaults(runtime, snapStart));
        if (snapStart) {
            command.add(SNAPSTART_COMPAT);
        }
        command.addAll(List.of("-Duser.home=" + home, "-cp", runtimeClassPath(), RUNTIME_MAIN, handler));

        Path output = Files.createTempFile("lambda-function", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(lambdaEnvironment(api, runtime, handler, taskRoot, snapStart));
        env.putAll(template.loggingEnvironment());
        env.putAll(environment);
        return new LambdaSandbox(builder.start(), output, taskRoot);
    }

    /** The JVM options the managed runtime puts on the command line before JAVA_TOOL_OPTIONS. */
    static List<String> runtimeDefaults(String runtime, boolean snapStart) {
        return switch (runtime) {
            case "java17", "java21" -> C1_ONLY;
            case "java25" -> snapStart ? List.of() : C1_ONLY;
            default -> throw new IllegalStateException("template.yaml's Runtime " + runtime
                    + " is not a Java runtime this harness knows the JVM defaults of (java17, java21, java25)");
        };
    }

    /** The variables Lambda itself sets for every function (the reserved ones), with a region of ap-northeast-1. */
    private static Map<String, String> lambdaEnvironment(RuntimeApi api, String runtime, String handler, Path taskRoot,
            boolean snapStart) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("AWS_DEFAULT_REGION", "ap-northeast-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "cloudtrail-notifier-NotifierFunction");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", snapStart ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/cloudtrail-notifier");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/21/[1]0123456789abcdef");
        if (snapStart) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        return env;
    }

    /**
     * What `sam build` deploys: it runs `mvn clean install`, then `mvn dependency:copy-dependencies
     * -DincludeScope=runtime`, and copies target/classes and the copied jars (as lib/). The build's
     * `lambda-lib` execution copies the same runtime-scope jars to target/lambda/lib.
     */
    private static Path samBuildArtifact() throws IOException {
        Path root = Files.createTempDirectory("lambda-task");
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = root.resolve(classes.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path lib = Files.createDirectories(root.resolve("lib"));
        for (Path jar : jars(Path.of("target", "lambda", "lib"))) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
        return root;
    }

    /** The managed runtime's own jars: the runtime interface client, its serialization, aws-lambda-java-core. */
    private static String runtimeClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (Path jar : jars(Path.of("target", "lambda", "runtime"))) {
            entries.add(jar.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    public Path taskRoot() {
        return taskRoot;
    }

    /** Everything the function wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T await(CompletableFuture<T> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from the function within " + timeout + "; its output:\n" + output(), e);
        }
    }

    /** @return the exit status, or throws if the function is still running after the timeout */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the function is still running after " + timeout + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
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
