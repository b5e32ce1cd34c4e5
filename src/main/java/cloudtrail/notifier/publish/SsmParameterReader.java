package cloudtrail.notifier.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Reads one SSM parameter's value (GetParameter) with {@link AwsJsonCall}: of the SDK's SSM client, the
 * version the registry serves nearest ours is a 6.4 MB jar, for this one call.
 */
public final class SsmParameterReader {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final AwsJsonCall ssm;

    SsmParameterReader(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.ssm = new AwsJsonCall(http, endpoint, "ssm", region.id(), "AmazonSSM", "application/x-amz-json-1.1", credentials);
    }

    public static SsmParameterReader create(Region region, AwsCredentialsProvider credentials) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
        return new SsmParameterReader(http, endpoint(region, System.getenv()), region, credentials);
    }

    /** The SDK's endpoint settings for SSM, else the region's public endpoint. */
    static URI endpoint(Region region, Map<String, String> env) {
        return AwsJsonCall.endpoint("Ssm", "SSM", env, "https://ssm." + region.id() + "." + AwsJsonCall.dnsSuffix(region.id()));
    }

    /** @throws PublishException naming the parameter and SSM's error code when it cannot be read */
    public String read(String name) {
        String what = "reading the SSM parameter " + name;
        JsonNode answer = ssm.call("GetParameter", JsonNodeFactory.instance.objectNode().put("Name", name), what);
        JsonNode value = answer.path("Parameter").get("Value");
        if (value == null || !value.isTextual()) {
            throw new PublishException(what + ": the answer holds no value", null);
        }
        return value.asText();
    }
}
