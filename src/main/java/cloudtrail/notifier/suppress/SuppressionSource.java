package cloudtrail.notifier.suppress;

import cloudtrail.notifier.config.RefreshedSetting;
import cloudtrail.notifier.event.JsonTrees;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the suppression patterns come from. Deployed, from the SSM parameter the template names
 * (SUPPRESSION_PARAMETER), read as a {@link RefreshedSetting}: a value that turns invalid suppresses
 * nothing, a notification too many rather than one silenced by a broken pattern. On the command line and
 * under sam local, SUPPRESSION_PATTERNS.
 */
public final class SuppressionSource {
    public static final String SUPPRESSION_PARAMETER = "SUPPRESSION_PARAMETER";

    private final Suppressions fixed;
    private final RefreshedSetting<Suppressions> setting;

    private SuppressionSource(Suppressions fixed, RefreshedSetting<Suppressions> setting) {
        this.fixed = fixed;
        this.setting = setting;
    }

    /** Patterns that do not change: SUPPRESSION_PATTERNS, or none. */
    public static SuppressionSource fixed(Suppressions suppressions) {
        return new SuppressionSource(suppressions, null);
    }

    /**
     * @param reader reads a parameter's value (SSM's GetParameter); asked for only when SUPPRESSION_PARAMETER is set
     * @throws cloudtrail.notifier.config.ConfigurationException for a bad SUPPRESSION_PATTERNS or refresh time
     */
    public static SuppressionSource fromEnvironment(Map<String, String> env, JsonTrees json, Supplier<Function<String, String>> reader) {
        String parameter = env.get(SUPPRESSION_PARAMETER);
        if (parameter == null || parameter.isBlank()) {
            return fixed(Suppressions.fromEnvironment(env, json));
        }
        return reading(parameter.trim(), reader.get(), json, System::nanoTime, RefreshedSetting.refresh(env));
    }

    static SuppressionSource reading(String parameter, Function<String, String> reader, JsonTrees json, LongSupplier nanoTime,
            Duration refresh) {
        return new SuppressionSource(null, new RefreshedSetting<>(SUPPRESSION_PARAMETER, parameter, reader,
                value -> Suppressions.parse(value, json, "the SSM parameter " + parameter), Suppressions.none(),
                "suppression patterns", "nothing is suppressed", nanoTime, refresh));
    }

    /** For tests: a reader and a clock of the test's. */
    static SuppressionSource reading(String parameter, Function<String, String> reader, LongSupplier nanoTime, Duration refresh) {
        return reading(parameter, reader, new JsonTrees(), nanoTime, refresh);
    }

    /** @throws cloudtrail.notifier.config.ConfigurationException when the parameter has never been read */
    public Suppressions current() {
        return setting == null ? fixed : setting.current();
    }

    /** What the last read found wrong, or null. */
    public RefreshedSetting.Problem problem() {
        return setting == null ? null : setting.problem();
    }

    public void afterRestore() {
        if (setting != null) {
            setting.afterRestore();
        }
    }
}
