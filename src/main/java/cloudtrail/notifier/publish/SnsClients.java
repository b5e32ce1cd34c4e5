package cloudtrail.notifier.publish;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS client, set up for a fast cold start: every choice
 * the SDK would otherwise discover at start-up (HTTP client, region, retry mode) is made here.
 * Credentials are the one thing that must not be pinned: where they come from depends on where the code
 * runs (see {@link RenewableCredentials}). Endpoints still come from the SDK's standard variables
 * (AWS_ENDPOINT_URL_SNS, AWS_ENDPOINT_URL), so the same build can be pointed at
 * a local endpoint without code.
 */
public final class SnsClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(6);
    /** Three attempts with backoff fit in here; the function's own timeout is longer. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private SnsClients() {}

    public static SnsClient sns(Region region, AwsCredentialsProvider credentials, ExecutionInterceptor... interceptors) {
        Prepared<SdkHttpClient> http = Prepared.inBackground("sns-http-client", () -> UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT)
                .build());
        return SnsClient.builder()
                .httpClient(new DeferredHttpClient(http))
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .executionInterceptors(List.of(interceptors)))
                .build();
    }
}
