package cloudtrail.notifier.publish;

import cloudtrail.notifier.render.Notification;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Publishes one notification to the topic. Throttling and 5xx are retried by the SDK, not here. */
public final class SnsPublisher {
    private final SnsClient sns;
    private final String topicArn;

    public SnsPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** @return the SNS message ID */
    public String publish(Notification notification, String eventId) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        notification.messageAttributes().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        PublishRequest request = PublishRequest.builder()
                .topicArn(topicArn)
                .subject(notification.subject())
                .message(notification.message())
                .messageAttributes(attributes)
                .build();
        try {
            return sns.publish(request).messageId();
        } catch (SdkException e) {
            throw new PublishException("event " + eventId + ": publishing to SNS failed: " + e.getMessage(), e);
        }
    }
}
