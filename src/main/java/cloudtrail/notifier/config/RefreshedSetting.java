package cloudtrail.notifier.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A setting the function reads from an SSM parameter, again at most every {@code refresh} and after a
 * SnapStart restore, rather than from its environment: a version's environment is fixed, and a new value
 * of a template parameter alone publishes no version (SAM names versions after the unresolved template,
 * and the version's description, which the template uses to force one, holds only 256 characters). The
 * first read must succeed; a later read that fails keeps the last value, and a value that turns invalid
 * gives way to a safe fallback; both are reported by {@link #problem()}.
 *
 * @param <T> the parsed setting
 */
public final class RefreshedSetting<T> {
    public static final String REFRESH_SECONDS = "SETTINGS_REFRESH_SECONDS";
    static final Duration REFRESH = Duration.ofSeconds(60);

    /** What the last read found wrong, for the log. */
    public record Problem(String message) {}

    private final String variable;
    private final String parameter;
    private final Function<String, String> reader;
    private final Function<String, T> parser;
    private final T fallback;
    private final String what;
    private final String fallbackMeans;
    private final LongSupplier nanoTime;
    private final long refreshNanos;
    private T current;
    private long readAt;
    private boolean stale;
    private boolean everRead;
    private Problem problem;

    /**
     * @param variable the environment variable naming the parameter, for errors
     * @param parser throws ConfigurationException for a value that is not valid
     * @param fallback what is in force while the value is not valid
     * @param what the setting in words ("suppression patterns"), for the log
     * @param fallbackMeans the fallback in words ("nothing is suppressed"), for the log
     */
    public RefreshedSetting(String variable, String parameter, Function<String, String> reader, Function<String, T> parser,
            T fallback, String what, String fallbackMeans, LongSupplier nanoTime, Duration refresh) {
        this.variable = variable;
        this.parameter = parameter;
        this.reader = reader;
        this.parser = parser;
        this.fallback = fallback;
        this.what = what;
        this.fallbackMeans = fallbackMeans;
        this.nanoTime = nanoTime;
        this.refreshNanos = refresh.toNanos();
        this.current = fallback;
        this.stale = true;
    }

    /** SETTINGS_REFRESH_SECONDS (0–3600), or a minute. */
    public static Duration refresh(Map<String, String> env) {
        return Duration.ofSeconds(WholeNumber.read(env, REFRESH_SECONDS, (int) REFRESH.getSeconds(), 0, 3600, ""));
    }

    /**
     * The value in force, read again when due.
     *
     * @throws ConfigurationException when the parameter has never been read, or its first value is not valid
     */
    public synchronized T current() {
        if (!stale && nanoTime.getAsLong() - readAt < refreshNanos) {
            return current;
        }
        String value;
        try {
            value = reader.apply(parameter);
        } catch (RuntimeException e) {
            if (!everRead) {
                throw new ConfigurationException(variable + "=" + parameter + ": " + e.getMessage());
            }
            problem = new Problem(what + " not refreshed, the last ones read stay in force: " + e.getMessage());
            return current;
        }
        T read;
        try {
            read = parser.apply(value);
            problem = null;
        } catch (ConfigurationException e) {
            if (!everRead) {
                throw e;
            }
            read = fallback;
            problem = new Problem(what + " not valid, " + fallbackMeans + " until they are fixed: " + e.getMessage());
        }
        everRead = true;
        readAt = nanoTime.getAsLong();
        stale = false;
        current = read;
        return current;
    }

    /** What the last {@link #current()} found wrong, or null. */
    public synchronized Problem problem() {
        return problem;
    }

    /** After a SnapStart restore: the value in the snapshot may be old; read it before the next use. */
    public synchronized void afterRestore() {
        stale = true;
    }
}
