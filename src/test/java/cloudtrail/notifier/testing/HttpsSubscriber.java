package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS endpoint on 127.0.0.1 that SNS (moto) delivers to, as it delivers to Amazon Q's
 * {@code https://global.sns-api.chatbot.amazonaws.com}: a self-signed certificate for 127.0.0.1 made
 * with the JDK's keytool, whose PEM ({@link #certificate()}) the sender must trust (moto_server: the
 * REQUESTS_CA_BUNDLE variable). Every POST body is kept for the test.
 */
public final class HttpsSubscriber implements AutoCloseable {
    private static final String PASSWORD = "changeit";
    private final HttpsServer server;
    private final Path certificate;
    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    private HttpsSubscriber(HttpsServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    public static HttpsSubscriber start(Path dir) throws Exception {
        Path store = dir.resolve("subscriber.p12");
        Path pem = dir.resolve("subscriber.pem");
        keytool("-genkeypair", "-alias", "subscriber", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "subscriber", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        HttpsSubscriber subscriber = new HttpsSubscriber(server, pem);
        server.createContext("/", exchange -> {
            try (exchange) {
                subscriber.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        return subscriber;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/sns");
    }

    /** The certificate, PEM, for the sender to trust. */
    public Path certificate() {
        return certificate;
    }

    /** The next body delivered, or null after the wait. */
    public String next(Duration within) throws InterruptedException {
        return bodies.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(certificate);
        } catch (IOException e) {
            // a temporary directory's file
        }
    }
}
