package cloudtrail.notifier.digest;

import cloudtrail.notifier.config.WholeNumber;
import java.util.Map;

/**
 * Whether a batch is grouped, and from what size. The window itself is the event source mapping's
 * (MaximumBatchingWindowInSeconds): the function only learns that it is 0, which turns grouping off.
 *
 * @param threshold a group larger than this becomes one digest
 */
public record DigestSettings(boolean enabled, int threshold) {
    public static final String DIGEST_WINDOW_SECONDS = "DIGEST_WINDOW_SECONDS";
    public static final String DIGEST_THRESHOLD = "DIGEST_THRESHOLD";
    public static final int DEFAULT_THRESHOLD = 5;
    public static final DigestSettings OFF = new DigestSettings(false, DEFAULT_THRESHOLD);

    public static DigestSettings fromEnvironment(Map<String, String> env) {
        int window = WholeNumber.read(env, DIGEST_WINDOW_SECONDS, 60, 0, 300, "");
        int threshold = WholeNumber.read(env, DIGEST_THRESHOLD, DEFAULT_THRESHOLD, 2, 1000, "");
        return new DigestSettings(window > 0, threshold);
    }
}
