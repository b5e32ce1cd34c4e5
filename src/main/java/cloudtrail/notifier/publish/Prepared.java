package cloudtrail.notifier.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A collaborator built on a background thread while the caller gets on with other start-up work
 * (reading and rendering the event); the first use waits for it. Building and priming the SNS client
 * is most of a cold start, and most of it does not depend on the event.
 */
public final class Prepared<T> implements Supplier<T> {
    private final CompletableFuture<T> future;

    private Prepared(CompletableFuture<T> future) {
        this.future = future;
    }

    public static <T> Prepared<T> inBackground(String name, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return new Prepared<>(future);
    }

    /** Waits for the value; a failure in the background is rethrown here as it was thrown there. */
    @Override
    public T get() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
