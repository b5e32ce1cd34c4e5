package cloudtrail.notifier.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SNS and SQS endpoint on loopback: moto_server, started by the test on a free port. A missing
 * moto_server fails the test: integration tests run only in the `integration` profile, which asks for it.
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        return start(java.util.Map.of());
    }

    /** @param environment added to the server's (REQUESTS_CA_BUNDLE, say, for HTTPS subscribers on this machine) */
    public static MotoServer start(java.util.Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = command();
        int port = freePort();
        command.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
        Path log = Files.createTempFile("moto-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        MotoServer server = new MotoServer(process, endpoint, log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A port nothing listens on, for "endpoint down". */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> command() {
        List<String> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(dir + File.separator + "moto_server");
            }
        }
        candidates.add(System.getProperty("user.home") + "/.pyenv/shims/moto_server");
        for (String candidate : candidates) {
            File f = new File(candidate);
            if (f.isFile() && f.canExecute()) {
                return new ArrayList<>(List.of(f.getAbsolutePath()));
            }
        }
        fail("moto_server is not installed (looked on PATH and in ~/.pyenv/shims): the integration tests"
                + " (-Pintegration) need it; README says how to install it");
        throw new AssertionError("unreachable");
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        fail("moto_server did not answer within " + timeout + ": " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
