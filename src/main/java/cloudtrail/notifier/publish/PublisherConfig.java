package cloudtrail.notifier.publish;

import cloudtrail.notifier.config.ConfigurationException;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/** Where notifications go: the topic (TOPIC_ARN) in the function's region (AWS_REGION). */
public record PublisherConfig(String topicArn, Region region) {
    public static final String TOPIC_ARN = "TOPIC_ARN";
    public static final String AWS_REGION = "AWS_REGION";
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");

    /** Whether the value has the shape of an SNS topic ARN. */
    public static boolean isTopicArn(String value) {
        return value != null && TOPIC.matcher(value.trim()).matches();
    }

    public static PublisherConfig fromEnvironment(Map<String, String> env) {
        String topic = env.get(TOPIC_ARN);
        if (topic == null || topic.isBlank()) {
            throw new ConfigurationException(TOPIC_ARN + " is not set: it must name the SNS topic to publish to");
        }
        if (!TOPIC.matcher(topic.trim()).matches()) {
            throw new ConfigurationException(TOPIC_ARN + "='" + topic + "' is not an SNS topic ARN");
        }
        String region = env.get(AWS_REGION);
        if (region == null || region.isBlank()) {
            throw new ConfigurationException(AWS_REGION + " is not set: Lambda sets it; elsewhere set it to the topic's region");
        }
        return new PublisherConfig(topic.trim(), Region.of(region.trim()));
    }
}
