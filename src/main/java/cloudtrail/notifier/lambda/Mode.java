package cloudtrail.notifier.lambda;

import cloudtrail.notifier.publish.PublisherConfig;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.publish.DynamoDbLedger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the function does with a notification: publish it, or, under `sam local invoke`, show it.
 *
 * <p>SAM CLI creates none of the stack's resources: it resolves {@code !Ref NotificationTopic} in the
 * environment to the logical ID ("NotificationTopic"), not an ARN, and sets AWS_SAM_LOCAL=true. There,
 * and only there, a TOPIC_ARN that is not a topic ARN means "render and show, publish nothing"; with
 * a real topic ARN (from --env-vars) the function publishes as deployed. Anywhere else a bad TOPIC_ARN
 * still stops the function at start-up.
 */
sealed interface Mode {
    String SAM_LOCAL = "AWS_SAM_LOCAL";
    Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}|arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}");

    /** @param dedupTable the ledger of delivered events (DEDUP_TABLE): a table name or ARN */
    record Publish(PublisherConfig config, String dedupTable) implements Mode {}

    record DryRun(String reason) implements Mode {}

    /** @throws cloudtrail.notifier.config.ConfigurationException outside SAM CLI, for a missing or bad TOPIC_ARN */
    static Mode fromEnvironment(Map<String, String> env) {
        String topic = env.get(PublisherConfig.TOPIC_ARN);
        if ("true".equalsIgnoreCase(env.get(SAM_LOCAL)) && !PublisherConfig.isTopicArn(topic)) {
            String what = topic == null || topic.isBlank() ? PublisherConfig.TOPIC_ARN + " is not set"
                    : PublisherConfig.TOPIC_ARN + "='" + topic + "' is not an SNS topic ARN";
            return new DryRun(what + " (sam local gives !Ref NotificationTopic the logical ID): rendered, not published;"
                    + " set TOPIC_ARN with --env-vars to publish");
        }
        PublisherConfig config = PublisherConfig.fromEnvironment(env);
        String table = env.get(DynamoDbLedger.DEDUP_TABLE);
        if (table == null || table.isBlank()) {
            throw new ConfigurationException(DynamoDbLedger.DEDUP_TABLE + " is not set: it must name the DynamoDB table that"
                    + " records delivered events (the stack's DeliveredEvents), so that no event is published twice");
        }
        if (!TABLE.matcher(table.trim()).matches()) {
            throw new ConfigurationException(DynamoDbLedger.DEDUP_TABLE + "='" + table + "' is not a DynamoDB table name or ARN");
        }
        return new Publish(config, table.trim());
    }
}
