package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.MotoTopic;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The suppression patterns' parameter, read with SSM's own request against moto: found, missing, too slow. */
class SsmParameterReaderIT {
    @RegisterExtension
    static final MotoTopic MOTO = new MotoTopic("parameter-reader");

    private static SsmParameterReader reader(java.net.URI endpoint) {
        return new SsmParameterReader(UrlConnectionHttpClient.builder().connectionTimeout(SsmParameterReader.CONNECT_TIMEOUT)
                .socketTimeout(SsmParameterReader.READ_TIMEOUT).build(), endpoint, Region.AP_NORTHEAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    @Test
    void readsTheValueAsStored() {
        String patterns = "[{\"name\": \"ci\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\"]}}}]";
        String name = MOTO.newSuppressionParameter(patterns);

        assertEquals(patterns, reader(MOTO.moto().endpoint()).read(name));
    }

    @Test
    void aMissingParameterIsAnErrorNamingItAndSsmsCode() {
        PublishException e = assertThrows(PublishException.class, () -> reader(MOTO.moto().endpoint()).read("no-such-parameter"));

        assertTrue(e.getMessage().startsWith("reading the SSM parameter no-such-parameter failed: ParameterNotFound"), e.getMessage());
    }

    @Test
    void aSlowSsmFailsWithinItsAttemptsTimeoutsRatherThanHoldingTheBatch() throws Exception {
        try (FaultyEndpoint slow = FaultyEndpoint.slowerThan(SsmParameterReader.READ_TIMEOUT)) {
            long start = System.nanoTime();
            PublishException e = assertThrows(PublishException.class, () -> reader(slow.endpoint()).read("any"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // each attempt gives up at the read timeout; a timeout is worth another try, as the SDK's retries think
            assertTrue(took.compareTo(SsmParameterReader.READ_TIMEOUT.multipliedBy(AwsJsonCall.ATTEMPTS).plusSeconds(2)) < 0, "took " + took);
            assertTrue(e.getMessage().startsWith("reading the SSM parameter any failed"), e.getMessage());
        }
    }

    @Test
    void theEndpointIsTheSdksSettingOrTheRegionsOwn() {
        assertEquals("https://ssm.ap-northeast-1.amazonaws.com",
                SsmParameterReader.endpoint(Region.AP_NORTHEAST_1, java.util.Map.of()).toString());
        assertEquals("https://ssm.cn-north-1.amazonaws.com.cn", SsmParameterReader.endpoint(Region.CN_NORTH_1, java.util.Map.of()).toString());
        assertEquals("http://127.0.0.1:4566", SsmParameterReader.endpoint(Region.AP_NORTHEAST_1,
                java.util.Map.of("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:4566")).toString());
    }
}
