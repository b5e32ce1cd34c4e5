package cloudtrail.notifier.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The ledger in a DynamoDB table keyed by {@code eventId} (DEDUP_TABLE): one conditional write per
 * claim, so two invocations holding the same event cannot both publish it. Items expire through the
 * table's TTL attribute {@code expiresAt}. DynamoDB's own JSON requests (PutItem, GetItem, DeleteItem) over
 * {@link AwsJsonCall}: the SDK's DynamoDB client is a 3 MB jar and most of the ledger's cold start, for three
 * operations.
 */
public final class DynamoDbLedger implements DeliveryLedger {
    public static final String DEDUP_TABLE = "DEDUP_TABLE";
    /**
     * Longer than anything that can deliver an event again: SQS keeps a message for 4 days, and an
     * event parked in the dead-letter queue was never marked published.
     */
    static final Duration REMEMBER = Duration.ofDays(7);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final String PENDING = "pending";
    private static final String PUBLISHED = "published";
    private static final String CLAIM_CONDITION = "attribute_not_exists(eventId) OR (#state = :pending AND leaseUntil < :now)";
    private static final String CONDITION_FAILED = "ConditionalCheckFailedException";

    private final AwsJsonCall dynamo;
    private final String table;
    private final Clock clock;

    DynamoDbLedger(AwsJsonCall dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Builds the ledger and primes it on a background thread, as {@link EventPublisher#startPublisher}
     * does for SNS: the caller renders meanwhile, and the first claim waits for it.
     */
    public static Prepared<DynamoDbLedger> start(String table, Region region) {
        return start(table, region, new RenewableCredentials());
    }

    /** @param credentials shared with the caller's other clients */
    public static Prepared<DynamoDbLedger> start(String table, Region region, RenewableCredentials credentials) {
        return Prepared.inBackground("ledger", () -> {
            DynamoDbLedger ledger = create(table, region, credentials);
            try {
                ledger.prime();
            } catch (PrimingException e) {
                // only a head start: a claim that cannot work fails, with its own reason, when it is tried
            }
            return ledger;
        });
    }

    /** The ledger in the given table, with DynamoDB's endpoint from the SDK's settings or the region's. */
    public static DynamoDbLedger create(String table, Region region) {
        return create(table, region, new RenewableCredentials());
    }

    static DynamoDbLedger create(String table, Region region, RenewableCredentials credentials) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
        AwsJsonCall dynamo = new AwsJsonCall(http, AwsJsonCall.endpoint("DynamoDb", "DYNAMODB", System.getenv(),
                "https://dynamodb." + region.id() + "." + AwsJsonCall.dnsSuffix(region.id())), "dynamodb", region.id(),
                "DynamoDB_20120810", "application/x-amz-json-1.0", credentials);
        return new DynamoDbLedger(dynamo, table, Clock.systemUTC());
    }

    @Override
    public Claim claim(String eventId, Instant leaseUntil) {
        Instant now = clock.instant();
        try {
            dynamo.call("PutItem", claimRequest(eventId, now, leaseUntil), what("claiming", eventId));
            return new Claim.Granted();
        } catch (AwsJsonCall.ServiceError e) {
            if (!CONDITION_FAILED.equals(e.code())) {
                throw e;
            }
        }
        ObjectNode get = request().put("ConsistentRead", true);
        get.set("Key", key(eventId));
        JsonNode found = dynamo.call("GetItem", get, what("reading the claim on", eventId)).path("Item");
        if (found.isMissingNode() || found.isEmpty()) {
            return claim(eventId, leaseUntil); // released in between
        }
        if (PUBLISHED.equals(found.path("state").path("S").asText())) {
            return new Claim.AlreadyPublished(found.path("messageId").path("S").asText(null));
        }
        String until = found.path("leaseUntil").path("N").asText(null);
        return new Claim.Held(until == null ? now : Instant.ofEpochMilli(Long.parseLong(until)));
    }

    @Override
    public void published(String eventId, String messageId) {
        Instant now = clock.instant();
        ObjectNode put = request();
        put.set("Item", item(Map.of(
                "eventId", s(eventId),
                "state", s(PUBLISHED),
                "messageId", s(messageId == null ? "" : messageId),
                "publishedAt", n(now.toEpochMilli()),
                "expiresAt", n(now.plus(REMEMBER).getEpochSecond()))));
        dynamo.call("PutItem", put, what("recording the delivery of", eventId));
    }

    @Override
    public void release(String eventId) {
        ObjectNode delete = request().put("ConditionExpression", "#state = :pending");
        delete.set("Key", key(eventId));
        delete.putObject("ExpressionAttributeNames").put("#state", "state");
        delete.putObject("ExpressionAttributeValues").set(":pending", s(PENDING));
        try {
            dynamo.call("DeleteItem", delete, what("releasing the claim on", eventId));
        } catch (AwsJsonCall.ServiceError e) {
            if (!CONDITION_FAILED.equals(e.code())) {
                throw e; // otherwise: someone else's claim, or a published event, which stays
            }
        }
    }

    /**
     * @throws PrimingException when the request cannot be signed (no credentials): a claim would fail too
     */
    @Override
    public void prime() {
        try {
            dynamo.prime("PutItem", claimRequest("priming", clock.instant(), clock.instant()));
        } catch (PublishException e) {
            throw new PrimingException("priming the ledger failed, so recording deliveries would fail too: " + e.getMessage(), e);
        }
    }

    private ObjectNode claimRequest(String eventId, Instant now, Instant leaseUntil) {
        ObjectNode put = request().put("ConditionExpression", CLAIM_CONDITION);
        put.set("Item", item(Map.of(
                "eventId", s(eventId),
                "state", s(PENDING),
                "leaseUntil", n(leaseUntil.toEpochMilli()),
                "expiresAt", n(now.plus(REMEMBER).getEpochSecond()))));
        put.putObject("ExpressionAttributeNames").put("#state", "state");
        ObjectNode values = put.putObject("ExpressionAttributeValues");
        values.set(":pending", s(PENDING));
        values.set(":now", n(now.toEpochMilli()));
        return put;
    }

    private ObjectNode request() {
        return JsonNodeFactory.instance.objectNode().put("TableName", table);
    }

    private String what(String doing, String eventId) {
        return "event " + eventId + ": " + doing + " it in the ledger " + table;
    }

    private static ObjectNode item(Map<String, ObjectNode> attributes) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        attributes.forEach(item::set);
        return item;
    }

    private static ObjectNode key(String eventId) {
        return item(Map.of("eventId", s(eventId)));
    }

    private static ObjectNode s(String value) {
        return JsonNodeFactory.instance.objectNode().put("S", value);
    }

    private static ObjectNode n(long value) {
        return JsonNodeFactory.instance.objectNode().put("N", Long.toString(value));
    }
}
