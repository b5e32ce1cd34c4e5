package cloudtrail.notifier.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Lambda Runtime API on loopback (2018-06-01): hands out queued events on /next and
 * records what the runtime posts back to /response, /error and /init/error. For SnapStart it also
 * serves /restore/next, the call with which the runtime says its beforeCheckpoint hooks are done and
 * which Lambda answers once the snapshot is restored; the test decides when that is ({@link #restore}).
 */
public final class RuntimeApi implements AutoCloseable {
    /** The function's Timeout in template.yaml: Lambda's deadline for each invocation. */
    private static final long TIMEOUT_MILLIS = timeoutMillis();

    private static long timeoutMillis() {
        try {
            return SamTemplate.load().function().path("Timeout").asLong(30) * 1000;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What the runtime answered for one invocation: a response body, or an error body. */
    public record Result(boolean error, String body) {}

    private record Invocation(String requestId, byte[] event) {}

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<String> initErrorType = new CompletableFuture<>();
    private final CompletableFuture<String> restoreError = new CompletableFuture<>();
    private final CompletableFuture<Long> checkpointed = new CompletableFuture<>();
    private final CompletableFuture<Long> restored = new CompletableFuture<>();

    public RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public CompletableFuture<Result> invoke(byte[] event) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Result> result = new CompletableFuture<>();
        results.put(id, result);
        pending.add(new Invocation(id, event));
        return result;
    }

    public CompletableFuture<String> initError() {
        return initError;
    }

    /** The Lambda-Runtime-Function-Error-Type header of the init error, e.g. Runtime.BeforeCheckpointError. */
    public CompletableFuture<String> initErrorType() {
        return initErrorType;
    }

    public CompletableFuture<String> restoreError() {
        return restoreError;
    }

    /** Completes (with System.nanoTime()) when the runtime asks for /restore/next: the snapshot would be taken now. */
    public CompletableFuture<Long> checkpointed() {
        return checkpointed;
    }

    /** Lets the runtime's /restore/next return: the snapshot is restored, afterRestore hooks run next. */
    public void restore() {
        restored.complete(System.nanoTime());
    }

    /** When {@link #restore} was called, as System.nanoTime(). */
    public long restoredAt() {
        return restored.join();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (path.equals("restore/next")) {
                checkpointed.complete(System.nanoTime());
                restored.get(10, TimeUnit.MINUTES);
                reply(exchange, 200, new byte[0]);
            } else if (path.equals("restore/error")) {
                restoreError.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, new byte[0]);
            } else if (path.equals("invocation/next")) {
                Invocation next = pending.poll(10, TimeUnit.MINUTES);
                if (next == null) {
                    reply(exchange, 500, new byte[0]);
                    return;
                }
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + TIMEOUT_MILLIS));
                headers.add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:ap-northeast-1:123456789012:function:cloudtrail-notifier");
                // the runtime client crashes on a /next response without a trace ID
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                headers.add("Content-Type", "application/json");
                reply(exchange, 200, next.event());
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(path, new Result(false, new String(body, StandardCharsets.UTF_8)));
                reply(exchange, 202, new byte[0]);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(path, new Result(true, new String(body, StandardCharsets.UTF_8)));
                reply(exchange, 202, new byte[0]);
            } else if (path.equals("init/error")) {
                String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                initErrorType.complete(type == null ? "" : type);
                initError.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, new byte[0]);
            } else {
                reply(exchange, 404, new byte[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, new byte[0]);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            reply(exchange, 500, new byte[0]);
        }
    }

    private void complete(String path, Result result) {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        CompletableFuture<Result> future = results.get(id);
        if (future != null) {
            future.complete(result);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
