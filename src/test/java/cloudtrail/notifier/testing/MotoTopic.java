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
                Map.of("NotificationTopic", topicArn, "DeliveredEvents", ledger)));
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXECUTIONROLE");
        env.put("AWS_SECRET_ACCESS_KEY", "execution-role-secret");
        env.put("AWS_SESSION_TOKEN", "execution-role-session-token");
        env.put("AWS_ENDPOINT_URL_SNS", snsEndpoint);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint().toString());
        return env;
    }

    /** What template.yaml's function environment refers to, resolved to this server's: the topic and a new ledger. */
    public Map<String, String> resources() {
        return Map.of("NotificationTopic", topicArn, "DeliveredEvents", newLedger());
    }
}
