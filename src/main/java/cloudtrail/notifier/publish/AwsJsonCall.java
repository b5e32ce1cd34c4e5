package cloudtrail.notifier.publish;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One call of an AWS service's JSON protocol (POST /, {@code X-Amz-Target: <prefix>.<Operation>}), signed
 * with the SDK's own SigV4 signer over an SDK HTTP client: what the SDK's generated client sends, for the
 * few read calls whose generated clients would add megabytes for one operation each (SSM, Organizations,
 * Identity Store).
 */
public final class AwsJsonCall {
    /** Attempts for an error worth another try (a 5xx, throttling, a dropped connection), as the SDK's STANDARD mode. */
    static final int ATTEMPTS = 3;

    /** An error the service answered with: its code (the __type's last part) says what went wrong. */
    public static final class ServiceError extends PublishException {
        private final String code;
        private final int status;

        ServiceError(String message, String code, int status) {
            super(message, null);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        boolean retryable() {
            return status >= 500 || code.startsWith("Throttl") || code.equals("ProvisionedThroughputExceededException")
                    || code.equals("RequestLimitExceeded") || code.equals("TooManyRequestsException");
        }
    }

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String signingName;
    private final String signingRegion;
    private final String targetPrefix;
    private final String contentType;
    private final AwsCredentialsProvider credentials;
    private final JsonTrees json = new JsonTrees();

    /**
     * @param signingName SigV4's service name ("ssm", "organizations", "identitystore")
     * @param targetPrefix the X-Amz-Target before the operation ("AmazonSSM")
     * @param contentType "application/x-amz-json-1.1" for these services
     */
    public AwsJsonCall(SdkHttpClient http, URI endpoint, String signingName, String signingRegion, String targetPrefix,
            String contentType, AwsCredentialsProvider credentials) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.signingRegion = signingRegion;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.credentials = credentials;
    }

    /**
     * Where a service is: the SDK's endpoint settings as its clients read them (aws.endpointUrl&lt;Service&gt;,
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, aws.endpointUrl, AWS_ENDPOINT_URL), else {@code defaultEndpoint}.
     *
     * @param serviceId the SDK's service ID as the settings spell it ("Ssm" and "SSM", "Organizations")
     */
    public static URI endpoint(String propertySuffix, String envSuffix, Map<String, String> env, String defaultEndpoint) {
        for (String value : new String[] {System.getProperty("aws.endpointUrl" + propertySuffix), env.get("AWS_ENDPOINT_URL_" + envSuffix),
                System.getProperty("aws.endpointUrl"), env.get("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                return URI.create(value.trim());
            }
        }
        return URI.create(defaultEndpoint);
    }

    /** The partition's DNS suffix for a region: amazonaws.com, or amazonaws.com.cn in China. */
    public static String dnsSuffix(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /**
     * @param what names the call in an error ("reading the SSM parameter x")
     * @return the answer's JSON
     * @throws PublishException naming {@code what}, the service's error code and HTTP status
     */
    public JsonNode call(String operation, ObjectNode request, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(operation, request, what);
            } catch (ServiceError e) {
                if (!e.retryable() || attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (PublishException e) {
                if (!(e.getCause() instanceof IOException) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
            try {
                // full jitter on 100 ms, then 200 ms
                Thread.sleep((long) (Math.random() * (100L << (attempt - 1))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException(what + ": interrupted between attempts", e);
            }
        }
    }

    /**
     * Signs a request without sending it: what a first call needs loaded (the signer, the credentials),
     * for SnapStart's snapshot or a cold start's head start.
     *
     * @throws PublishException when there are no credentials to sign with
     */
    public void prime(String operation, ObjectNode request) {
        try {
            sign(operation, json.write(request).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new PublishException("signing a " + targetPrefix + "." + operation + " request failed: " + e.getMessage(), e);
        }
    }

    private SignedRequest sign(String operation, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", contentType)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
    }

    private JsonNode once(String operation, ObjectNode request, String what) {
        byte[] body = json.write(request).getBytes(StandardCharsets.UTF_8);
        try {
            SignedRequest signed = sign(operation, body);
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElse(null)) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            JsonNode root;
            try {
                root = answer.length == 0 ? null : json.read(answer);
            } catch (IOException e) {
                root = null; // an answer that is not JSON: a proxy's, say; the status says what happened
            }
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                String type = root == null ? "" : root.path("__type").asText("");
                String code = type.substring(type.lastIndexOf('#') + 1);
                String message = root == null ? "" : root.path("message").asText(root.path("Message").asText(""));
                throw new ServiceError(what + " failed: " + (code.isEmpty() ? "" : code + " ") + "(HTTP " + status + ")"
                        + (message.isEmpty() ? "" : " " + message), code, status);
            }
            if (root == null || !root.isObject()) {
                throw new PublishException(what + ": the answer is not a JSON object", null);
            }
            return root;
        } catch (IOException | UncheckedIOException e) {
            throw new PublishException(what + " failed: " + e.getMessage(), e);
        } catch (PublishException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PublishException(what + " failed: " + e.getMessage(), e);
        }
    }
}
