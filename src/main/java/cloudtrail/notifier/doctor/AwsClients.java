package cloudtrail.notifier.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients the checks use, made on first use and closed together. They share one HTTP client
 * and one credentials chain: the SDK's default chain (environment, profiles, SSO, roles), so an SSO
 * login or a role assumption happens once for all of them. Endpoints are left to the SDK, which reads
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; itself.
 */
final class AwsClients implements AutoCloseable {
    private final Region home;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final Map<String, SdkClient> made = new HashMap<>();
    private final List<SdkClient> toClose = new ArrayList<>();

    AwsClients(Region home) {
        this.home = home;
    }

    Region home() {
        return home;
    }

    StsClient sts() {
        return client("sts", home, () -> configure(StsClient.builder(), home).build());
    }

    CloudTrailClient cloudTrail(Region region) {
        return client("cloudtrail", region, () -> configure(CloudTrailClient.builder(), region).build());
    }

    CloudFormationClient cloudFormation(Region region) {
        return client("cloudformation", region, () -> configure(CloudFormationClient.builder(), region).build());
    }

    SnsClient sns() {
        return client("sns", home, () -> configure(SnsClient.builder(), home).build());
    }

    LambdaClient lambda() {
        return client("lambda", home, () -> configure(LambdaClient.builder(), home).build());
    }

    EventBridgeClient events() {
        return client("events", home, () -> configure(EventBridgeClient.builder(), home).build());
    }

    SqsClient sqs() {
        return client("sqs", home, () -> configure(SqsClient.builder(), home).build());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Region region) {
        return builder.region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)));
    }

    @SuppressWarnings("unchecked")
    private synchronized <C extends SdkClient> C client(String service, Region region, Supplier<C> make) {
        String key = service + "@" + region.id();
        SdkClient existing = made.get(key);
        if (existing == null) {
            existing = make.get();
            made.put(key, existing);
            toClose.add(existing);
        }
        return (C) existing;
    }

    @Override
    public void close() {
        toClose.forEach(SdkClient::close);
        credentials.close();
        http.close();
    }
}
