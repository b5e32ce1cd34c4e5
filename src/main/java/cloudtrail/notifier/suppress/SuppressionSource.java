package cloudtrail.notifier.suppress;

import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.event.JsonTrees;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Where the suppression patterns come from. Deployed, from the SSM parameter the template names
 * (SUPPRESSION_PARAMETER), read again at most every {@link #REFRESH} and after a SnapStart restore: a
 * version's environment never changes, and a new SuppressionPatterns value alone publishes no version
 * (the template cannot put it in the version's 256-character description), so a pattern read from the
 * environment would outlive its removal. On the command line and under sam local, SUPPRESSION_PATTERNS.
 */
public final class SuppressionSource {
    public static final String SUPPRESSION_PARAMETER = "SUPPRESSION_PARAMETER";
    public static final String SUPPRESSION_REFRESH_SECONDS = "SUPPRESSION_REFRESH_SECONDS";
    static final Duration REFRESH = Duration.ofSeconds(60);

    /** What a refresh found wrong, for the log; the patterns in force stay the last good ones, or none. */
    public record Problem(String message) {}

    private final String parameter;
    private final Function<String, String> reader;
    private final JsonTrees json;
    private final LongSupplier nanoTime;
    private final long refreshNanos;
    private Suppressions current;
    private long readAt;
    private boolean stale = true;
    private Problem problem;
    private boolean everRead;

    private SuppressionSource(String parameter, Function<String, String> reader, JsonTrees json, LongSupplier nanoTime,
            Duration refresh, Suppressions fixed) {
        this.parameter = parameter;
        this.reader = reader;
        this.json = json;
        this.nanoTime = nanoTime;
        this.refreshNanos = refresh.toNanos();
        this.current = fixed;
        this.stale = parameter != null;
    }

    /** Patterns that do not change: SUPPRESSION_PATTERNS, or none. */
    public static SuppressionSource fixed(Suppressions suppressions) {
        return new SuppressionSource(null, null, null, System::nanoTime, REFRESH, suppressions);
    }

    /**
     * @param reader reads a parameter's value (SSM's GetParameter); called only when SUPPRESSION_PARAMETER is set
     * @throws ConfigurationException for a bad SUPPRESSION_PATTERNS or SUPPRESSION_REFRESH_SECONDS
     */
    public static SuppressionSource fromEnvironment(Map<String, String> env, JsonTrees json,
            java.util.function.Supplier<Function<String, String>> reader) {
        String parameter = env.get(SUPPRESSION_PARAMETER);
        if (parameter == null || parameter.isBlank()) {
            return fixed(Suppressions.fromEnvironment(env, json));
        }
        Duration refresh = REFRESH;
        String seconds = env.get(SUPPRESSION_REFRESH_SECONDS);
        if (seconds != null && !seconds.isBlank()) {
            try {
                refresh = Duration.ofSeconds(Integer.parseInt(seconds.trim()));
            } catch (NumberFormatException e) {
                refresh = Duration.ofSeconds(-1);
            }
            if (refresh.isNegative() || refresh.getSeconds() > 3600) {
                throw new ConfigurationException(SUPPRESSION_REFRESH_SECONDS + "='" + seconds + "' is not a whole number from 0 to 3600");
            }
        }
        return new SuppressionSource(parameter.trim(), reader.get(), json, System::nanoTime, refresh, Suppressions.none());
    }

    /** For tests: a reader and a clock of the test's. */
    static SuppressionSource reading(String parameter, Function<String, String> reader, LongSupplier nanoTime, Duration refresh) {
        return new SuppressionSource(parameter, reader, new JsonTrees(), nanoTime, refresh, Suppressions.none());
    }

    /**
     * The patterns in force, read again when due. The first read must succeed (the caller fails, and the
     * batch comes back); a later read that fails keeps the last good patterns, and a value that is not valid
     * suppresses nothing (a notification too many rather than one silenced by a broken pattern): both say so
     * in {@link #problem()}.
     *
     * @throws ConfigurationException when the parameter has never been read, naming it and why
     */
    public synchronized Suppressions current() {
        if (parameter == null || (!stale && nanoTime.getAsLong() - readAt < refreshNanos)) {
            return current;
        }
        String value;
        try {
            value = reader.apply(parameter);
        } catch (RuntimeException e) {
            if (!everRead) {
                throw new ConfigurationException(SUPPRESSION_PARAMETER + "=" + parameter + ": " + e.getMessage());
            }
            problem = new Problem("suppression patterns not refreshed, the last ones read stay in force: " + e.getMessage());
            return current;
        }
        Suppressions read;
        try {
            read = Suppressions.parse(value, json, "the SSM parameter " + parameter);
            problem = null;
        } catch (ConfigurationException e) {
            if (!everRead) {
                throw e;
            }
            read = Suppressions.none();
            problem = new Problem("suppression patterns not valid, nothing is suppressed until they are fixed: " + e.getMessage());
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

    /** After a SnapStart restore: the patterns in the snapshot may be old; read them before the next batch. */
    public synchronized void afterRestore() {
        stale = parameter != null;
    }

    /** Whether the patterns come from a parameter (and so may change while the function runs). */
    public boolean fromParameter() {
        return parameter != null;
    }
}
