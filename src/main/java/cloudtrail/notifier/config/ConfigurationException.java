package cloudtrail.notifier.config;

/** A setting is missing or invalid. The message names the environment variable. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
