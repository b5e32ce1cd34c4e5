package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.MotoTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The function's name lookups against moto's Organizations and Identity Store, with the requests the
 * function sends (SigV4 by the SDK's signer, the JSON protocol): found, denied, and too slow.
 */
class LookupsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    @RegisterExtension
    static final MotoTopic MOTO = new MotoTopic("lookups");

    private static Directory directory(String endpoint) {
        return Lookups.directory(Map.of("AWS_ENDPOINT_URL_ORGANIZATIONS", endpoint, "AWS_ENDPOINT_URL_IDENTITYSTORE", endpoint),
                Region.AP_NORTHEAST_1, CREDENTIALS);
    }

    @Test
    void anOrganizationsAccountAndAnIdentityCenterUserAreNamed() throws Exception {
        MOTO.call("organizations", "AWSOrganizationsV20161128.CreateOrganization", "{\"FeatureSet\": \"ALL\"}");
        JsonNode created = MAPPER.readTree(MOTO.call("organizations", "AWSOrganizationsV20161128.CreateAccount",
                "{\"AccountName\": \"本番\", \"Email\": \"prod@example.com\"}"));
        String account = created.path("CreateAccountStatus").path("AccountId").asText();
        JsonNode user = MAPPER.readTree(MOTO.call("identitystore", "AWSIdentityStore.CreateUser", """
                {"IdentityStoreId": "d-9567a1b2c3", "UserName": "hanako.suzuki", "DisplayName": "鈴木 花子",
                 "Name": {"GivenName": "花子", "FamilyName": "鈴木"}}"""));
        Directory.UserRef hanako = new Directory.UserRef("d-9567a1b2c3", user.path("UserId").asText());

        Directory directory = directory(MOTO.moto().endpoint().toString());
        directory.prefetch(List.of(account), List.of(hanako), Duration.ofSeconds(10));

        assertEquals("本番", directory.accountName(account));
        assertEquals(new Directory.Person("鈴木 花子", "hanako.suzuki"), directory.person(hanako));
    }

    @Test
    void aDeniedLookupLeavesTheIdAndFailsNothing() throws Exception {
        try (FaultyEndpoint denied = FaultyEndpoint.authorizationError()) {
            Directory directory = directory(denied.endpoint().toString());
            Directory.UserRef someone = new Directory.UserRef("d-9567a1b2c3", "c7a4f8e2-6071-70d3-5b1e-9f2a3c4d5e6f");

            directory.prefetch(List.of("111122223333"), List.of(someone), Duration.ofSeconds(10));

            assertNull(directory.accountName("111122223333"));
            assertNull(directory.person(someone));
            assertEquals(2, denied.requests(), "each asked once; a denial is not retried by the SDK's rules here");
        }
    }

    @Test
    void aSlowServiceCostsABatchAtMostTheLookupBudget() throws Exception {
        try (FaultyEndpoint slow = FaultyEndpoint.slowerThan(Duration.ofSeconds(5))) {
            Directory directory = directory(slow.endpoint().toString());

            long start = System.nanoTime();
            directory.prefetch(List.of("111122223333"), List.of(), Duration.ofMillis(1500));
            long took = (System.nanoTime() - start) / 1_000_000;

            assertTrue(took < 2_500, took + " ms");
            assertNull(directory.accountName("111122223333"));
        }
    }
}
