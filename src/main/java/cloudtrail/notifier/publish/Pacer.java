package cloudtrail.notifier.publish;

import cloudtrail.notifier.config.WholeNumber;
import java.time.Duration;
import java.util.Map;

/**
 * Spaces publishes so that this execution environment never sends more than {@code perSecond} of them
 * in any second. SNS suspends an e-mail subscription that receives more than 10 messages a second; the
 * template caps the function's concurrency, so the topic's rate is at most this times that cap
 * (MAX_PUBLISHES_PER_SECOND × MaximumConcurrency). The pace survives between invocations of the same
 * environment, as the next batch can follow at once.
 */
public final class Pacer {
    public static final String MAX_PUBLISHES_PER_SECOND = "MAX_PUBLISHES_PER_SECOND";
    static final int DEFAULT_PER_SECOND = 2;

    /** How the pacer reads the time and waits: the system's nano clock, or a test's. */
    public interface Time {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Time SYSTEM = new Time() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(Duration.ofNanos(nanos));
            }
        };
    }

    private final long intervalNanos;
    private final Time time;
    private long next;
    private boolean started;

    public Pacer(int perSecond, Time time) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1: " + perSecond);
        }
        // 10% over 1/perSecond: however the network delays one publish against the next, no second at SNS
        // holds more than perSecond of them
        this.intervalNanos = 1_100_000_000L / perSecond;
        this.time = time;
    }

    /** From MAX_PUBLISHES_PER_SECOND (1–10; default 2). */
    public static Pacer fromEnvironment(Map<String, String> env) {
        int perSecond = WholeNumber.read(env, MAX_PUBLISHES_PER_SECOND, DEFAULT_PER_SECOND, 1, 10,
                " (SNS suspends an e-mail subscription above 10 a second)");
        return new Pacer(perSecond, Time.SYSTEM);
    }

    /** Returns when the next publish may go. */
    public synchronized void await() throws InterruptedException {
        long now = time.nanoTime();
        if (started && next > now) {
            time.sleepNanos(next - now);
            now = next;
        }
        started = true;
        next = now + intervalNanos;
    }
}
