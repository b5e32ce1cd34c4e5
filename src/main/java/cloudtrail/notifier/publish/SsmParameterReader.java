package cloudtrail.notifier.publish;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Reads one SSM parameter's value (GetParameter), signed with the SDK's own SigV4 signer over the same
 * HTTP client as the other clients. Not the SDK's SSM client: of the versions the registry serves, the
 * nearest is a 6.4 MB jar, for one call; this is the same request that client sends (the JSON 1.1 protocol,
 * {@code X-Amz-Target: AmazonSSM.GetParameter}).
 */
public final class SsmParameterReader {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final SdkHttpClient http;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final JsonTrees json = new JsonTrees();

    SsmParameterReader(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    public static SsmParameterReader create(Region region, AwsCredentialsProvider credentials) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
        return new SsmParameterReader(http, endpoint(region, System.getenv()), region, credentials);
    }

    /**
     * Where SSM is: the SDK's endpoint settings, as its clients read them (aws.endpointUrlSsm,
     * AWS_ENDPOINT_URL_SSM, aws.endpointUrl, AWS_ENDPOINT_URL), else the region's public endpoint.
     */
    static URI endpoint(Region region, Map<String, String> env) {
        for (String value : new String[] {System.getProperty("aws.endpointUrlSsm"), env.get("AWS_ENDPOINT_URL_SSM"),
                System.getProperty("aws.endpointUrl"), env.get("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                return URI.create(value.trim());
            }
        }
        String suffix = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://ssm." + region.id() + "." + suffix);
    }

    /**
     * @throws PublishException naming the parameter and SSM's error code when it cannot be read
     */
    public String read(String name) {
        byte[] body = json.write(JsonNodeFactory.instance.objectNode().put("Name", name)).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        try {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
            ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build());
            HttpExecuteResponse response = call.call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElse(null)) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            JsonNode root = answer.length == 0 ? null : json.read(answer);
            if (response.httpResponse().statusCode() != 200) {
                String type = root == null ? "" : root.path("__type").asText("");
                String code = type.substring(type.lastIndexOf('#') + 1);
                String message = root == null ? "" : root.path("message").asText(root.path("Message").asText(""));
                throw new PublishException("reading the SSM parameter " + name + " failed: " + code
                        + " (HTTP " + response.httpResponse().statusCode() + ") " + message, null);
            }
            JsonNode value = root == null ? null : root.path("Parameter").get("Value");
            if (value == null || !value.isTextual()) {
                throw new PublishException("reading the SSM parameter " + name + ": the answer holds no value", null);
            }
            return value.asText();
        } catch (IOException | UncheckedIOException e) {
            throw new PublishException("reading the SSM parameter " + name + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof PublishException p) {
                throw p;
            }
            throw new PublishException("reading the SSM parameter " + name + " failed: " + e.getMessage(), e);
        }
    }
}
