package cloudtrail.notifier.config;

import java.util.Map;

/** A setting that is a whole number in a range, read from the environment once at start-up. */
public final class WholeNumber {
    private WholeNumber() {}

    /**
     * @param why said after the range in the error, or empty
     * @return the value, or {@code fallback} when the variable is unset or blank
     * @throws ConfigurationException naming the variable, the value and the range
     */
    public static int read(Map<String, String> env, String name, int fallback, int min, int max, String why) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(name + "='" + value + "' is not a whole number from " + min + " to " + max + why);
    }
}
