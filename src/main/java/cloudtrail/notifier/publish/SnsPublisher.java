package cloudtrail.notifier.publish;

import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.SnsMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Publishes one notification to the topic. Throttling and 5xx are retried by the SDK, not here. */
public final class SnsPublisher {
    /** Marks a priming request: it runs the whole client pipeline, SNS's answer included, without the network. */
    static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("cloudtrail-notifier.priming");
    private static final Notification PRIMING_SAMPLE = new Notification("【情報】priming", "概要: priming\n",
            Map.of("severity", "info"));

    private final SnsClient sns;
    private final String topicArn;

    SnsPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** The publisher for the configured topic, with the client set up by {@link SnsClients}. */
    public static SnsPublisher create(PublisherConfig config) {
        return create(config, new RenewableCredentials());
    }

    /** @param credentials shared with the function's other clients: one fetch serves them all */
    public static SnsPublisher create(PublisherConfig config, RenewableCredentials credentials) {
        SnsClient sns = SnsClients.sns(config.region(), credentials, new StopPrimingRequests());
        return new SnsPublisher(sns, config.topicArn());
    }

    /** @return the SNS message ID */
    public String publish(Notification notification, String eventId) {
        try {
            return sns.publish(request(notification, false)).messageId();
        } catch (SdkException e) {
            String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + ": " : "";
            throw new PublishException("event " + eventId + ": publishing to SNS failed: " + code + e.getMessage(), e);
        }
    }

    /**
     * Runs a publish the whole way (validation, marshalling, credentials, signing, and SNS's answer read
     * and unmarshalled) with the answer given in-process and nothing sent, so the first real publish (after
     * a cold start or a SnapStart restore) finds it all loaded.
     *
     * @throws PrimingException when the request could not be made (no credentials, say): the same call
     *     would fail for a real event
     */
    public void prime() {
        String answer;
        try {
            answer = sns.publish(request(PRIMING_SAMPLE, true)).messageId();
        } catch (RuntimeException e) {
            throw new PrimingException("priming the SNS client failed, so publishing would fail too: " + e.getMessage(), e);
        }
        if (!"priming".equals(answer)) {
            throw new PrimingException("priming the SNS client was answered by " + answer + ": the request left the process", null);
        }
    }

    private PublishRequest request(Notification notification, boolean priming) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        notification.messageAttributes().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        // one message per kind of subscriber: mail text, Amazon Q's chat notification, the machine format
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .subject(notification.subject())
                .messageStructure("json")
                .message(SnsMessage.of(notification).json())
                .messageAttributes(attributes);
        if (priming) {
            request.overrideConfiguration(o -> o.putExecutionAttribute(PRIMING, Boolean.TRUE));
        }
        return request.build();
    }

    /**
     * Marks a priming request, once signed, so that the HTTP client answers it as SNS would without sending
     * it ({@link DeferredHttpClient}): the whole round trip is loaded. Real requests pass untouched.
     */
    static final class StopPrimingRequests implements ExecutionInterceptor {
        @Override
        public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                ExecutionAttributes attributes) {
            if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) {
                return context.httpRequest().toBuilder().putHeader(DeferredHttpClient.PRIMING_HEADER, "1").build();
            }
            return context.httpRequest();
        }
    }
}
