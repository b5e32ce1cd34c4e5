package cloudtrail.notifier.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A moto_server with an SNS topic that delivers to an SQS queue: where the integration tests publish.
 * Register it with {@code @RegisterExtension static final MotoTopic SNS = new MotoTopic("name")}; it
 * starts before the class's tests and stops after them.
 */
public final class MotoTopic implements BeforeAllCallback, AfterAllCallback {
    public static final String REGION = "ap-northeast-1";

    private final String name;
    private MotoServer moto;
    private String topicArn;
    private SqsQueue queue;
    private final AtomicInteger tables = new AtomicInteger();

    public MotoTopic(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        moto = MotoServer.start();
        try (SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).build()) {
            topicArn = sns.createTopic(b -> b.name(name)).topicArn();
            queue = SqsQueue.create(moto.endpoint(), REGION, name);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (moto != null) {
            moto.close();
        }
    }

    public MotoServer moto() {
        return moto;
    }

    public String topicArn() {
        return topicArn;
    }

    public SqsQueue queue() {
        return queue;
    }

    /**
     * A new, empty ledger of delivered events, as the template declares DeliveredEvents (key eventId,
     * TTL on expiresAt): one per function under test, so that one test's deliveries do not make another's
     * events look published already.
     */
    public String newLedger() {
        String table = name + "-delivered-" + tables.incrementAndGet();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).build()) {
            dynamo.createTable(b -> b.tableName(table)
                    .attributeDefinitions(a -> a.attributeName("eventId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("eventId").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            dynamo.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        }
        return table;
    }

    /**
     * The function's environment as a version without SnapStart gets it: template.yaml's variables with this
     * server's topic and the given ledger, the execution role's keys in AWS_ACCESS_KEY_ID and friends, and the
     * endpoints (SNS's as given, DynamoDB's this server).
     */
    public Map<String, String> deployedEnvironment(String snsEndpoint, String ledger) throws java.io.IOException {
        Map<String, String> env = new java.util.HashMap<>(SamTemplate.load().functionEnvironment(
                Map.of("NotificationTopic", topicArn, "DeliveredEvents", ledger, "SuppressionPatternsParameter", newSuppressionParameter("[]"),
                        "AccountNamesParameter", newSuppressionParameter("-"))));
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXECUTIONROLE");
        env.put("AWS_SECRET_ACCESS_KEY", "execution-role-secret");
        env.put("AWS_SESSION_TOKEN", "execution-role-session-token");
        env.put("AWS_ENDPOINT_URL_SNS", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_ORGANIZATIONS", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_IDENTITYSTORE", moto.endpoint().toString());
        return env;
    }

    /** What template.yaml's function environment refers to, resolved to this server's: the topic and a new ledger. */
    public Map<String, String> resources() {
        return Map.of("NotificationTopic", topicArn, "DeliveredEvents", newLedger(), "SuppressionPatternsParameter",
                newSuppressionParameter("[]"), "AccountNamesParameter", newSuppressionParameter("-"));
    }

    /** A new SSM parameter holding this value, as the template's SuppressionPatternsParameter or AccountNamesParameter; its name. */
    public String newSuppressionParameter(String patterns) {
        String parameter = name + "-suppression-" + tables.incrementAndGet();
        setParameter(parameter, patterns);
        return parameter;
    }

    /** Writes (or overwrites) an SSM parameter on this server, as an operator would change it. */
    public void setParameter(String name, String value) {
        call("ssm", "AmazonSSM.PutParameter", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("Name", name).put("Value", value).put("Type", "String").put("Overwrite", true).toString());
    }

    /**
     * One call of a JSON-protocol service on this server, over plain HTTP (the SDK modules of our SDK version
     * for SSM, Organizations and Identity Store are not in the registry): its answer's body.
     */
    public String call(String service, String target, String body) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(moto.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                // moto routes a request to a service by the credential scope; it does not check the signature
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + (service.equals("organizations") ? "us-east-1" : REGION)
                        + "/" + service + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
