package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.publish.PublisherConfig;
import cloudtrail.notifier.publish.SnsPublisher;
import cloudtrail.notifier.testing.FaultyEndpoint;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming loads what a delivery needs and sends nothing. */
class HandlerPrimingIT {
    private static final Map<String, String> ENV = Map.of(
            "TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:notifications", "AWS_REGION", "ap-northeast-1");

    @AfterEach
    void clearEndpoint() {
        System.clearProperty("aws.endpointUrlSns");
    }

    @Test
    void primingAPublisherRunsThePipelineButSendsNothing() throws Exception {
        try (FaultyEndpoint sns = FaultyEndpoint.internalError()) {
            System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
            SnsPublisher publisher = SnsPublisher.create(PublisherConfig.fromEnvironment(ENV));

            publisher.prime(); // throws unless the request reached the point of sending

            assertEquals(0, sns.requests(), "nothing was sent");
        }
    }

    @Test
    void theSnapStartHookPrimesWithoutPublishing() throws Exception {
        try (FaultyEndpoint sns = FaultyEndpoint.internalError()) {
            System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
            Handler handler = new Handler(ENV);

            handler.beforeCheckpoint(null); // throws unless rendering and the SNS request ran to the point of sending
            handler.prime();

            assertEquals(0, sns.requests(), "priming publishes nothing");
        }
    }
}
