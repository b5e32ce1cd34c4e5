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
            "TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:notifications", "AWS_REGION", "ap-northeast-1",
            "DEDUP_TABLE", "delivered-events");

    @AfterEach
    void clearEndpoint() {
        System.clearProperty("aws.endpointUrlSns");
        System.clearProperty("aws.endpointUrlDynamoDb");
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
        try (FaultyEndpoint sns = FaultyEndpoint.internalError(); FaultyEndpoint dynamo = FaultyEndpoint.internalError()) {
            System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
            System.setProperty("aws.endpointUrlDynamoDb", dynamo.endpoint().toString());
            Handler handler = new Handler(ENV);

            // throws unless rendering, the SNS request and the ledger's write ran to the point of sending
            handler.beforeCheckpoint(null);
            handler.prime();

            assertEquals(0, sns.requests(), "priming publishes nothing");
            assertEquals(0, dynamo.requests(), "priming writes nothing to the ledger");
        }
    }
}
