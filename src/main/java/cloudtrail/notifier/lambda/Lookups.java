package cloudtrail.notifier.lambda;

import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.directory.AwsDirectory;
import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.publish.AwsJsonCall;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The function's name lookups, as the environment sets them: LOOK_UP_NAMES (true unless "false"), and the
 * region of IAM Identity Center's identity store (IDENTITY_CENTER_REGION, default the function's own).
 */
final class Lookups {
    static final String LOOK_UP_NAMES = "LOOK_UP_NAMES";
    static final String IDENTITY_CENTER_REGION = "IDENTITY_CENTER_REGION";
    /** A lookup is a convenience: it gets a second to answer, then the ID is shown. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(800);
    static final Duration READ_TIMEOUT = Duration.ofMillis(1200);

    private Lookups() {}

    static Directory directory(Map<String, String> env, Region region, AwsCredentialsProvider credentials) {
        String enabled = env.get(LOOK_UP_NAMES);
        if (enabled != null && !enabled.isBlank() && !enabled.trim().equals("true") && !enabled.trim().equals("false")) {
            throw new ConfigurationException(LOOK_UP_NAMES + "='" + enabled + "' is not true or false");
        }
        if ("false".equals(enabled == null ? null : enabled.trim())) {
            return Directory.NONE;
        }
        String storeRegion = env.get(IDENTITY_CENTER_REGION);
        storeRegion = storeRegion == null || storeRegion.isBlank() ? region.id() : storeRegion.trim();
        if (!storeRegion.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
            throw new ConfigurationException(IDENTITY_CENTER_REGION + "='" + storeRegion + "' is not a region code such as ap-northeast-1");
        }
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
        // Organizations has one endpoint per partition, signed for its region
        String orgRegion = region.id().startsWith("cn-") ? "cn-northwest-1" : region.id().startsWith("us-gov-") ? "us-gov-west-1" : "us-east-1";
        AwsJsonCall organizations = new AwsJsonCall(http, AwsJsonCall.endpoint("Organizations", "ORGANIZATIONS", env,
                "https://organizations." + orgRegion + "." + AwsJsonCall.dnsSuffix(orgRegion)), "organizations", orgRegion,
                "AWSOrganizationsV20161128", "application/x-amz-json-1.1", credentials);
        AwsJsonCall identityStore = new AwsJsonCall(http, AwsJsonCall.endpoint("Identitystore", "IDENTITYSTORE", env,
                "https://identitystore." + storeRegion + "." + AwsJsonCall.dnsSuffix(storeRegion)), "identitystore", storeRegion,
                "AWSIdentityStore", "application/x-amz-json-1.1", credentials);
        return AwsDirectory.of(organizations, identityStore);
    }
}
