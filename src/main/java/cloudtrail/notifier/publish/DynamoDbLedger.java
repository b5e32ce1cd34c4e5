package cloudtrail.notifier.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The ledger in a DynamoDB table keyed by {@code eventId} (DEDUP_TABLE): one conditional write per
 * claim, so two invocations holding the same event cannot both publish it. Items expire through the
 * table's TTL attribute {@code expiresAt}.
 */
public final class DynamoDbLedger implements DeliveryLedger {
    public static final String DEDUP_TABLE = "DEDUP_TABLE";
    /**
     * Longer than anything that can deliver an event again: SQS keeps a message for 4 days, and an
     * event parked in the dead-letter queue was never marked published.
     */
    static final Duration REMEMBER = Duration.ofDays(7);
    private static final String PENDING = "pending";
    private static final String PUBLISHED = "published";
    private static final String CLAIM_CONDITION = "attribute_not_exists(eventId) OR (#state = :pending AND leaseUntil < :now)";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final RenewableCredentials credentials;

    DynamoDbLedger(DynamoDbClient dynamo, String table, Clock clock, RenewableCredentials credentials) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.credentials = credentials;
    }

    /**
     * Builds the ledger and primes its client on a background thread, as {@link EventPublisher#startPublisher}
     * does for SNS: the caller renders meanwhile, and the first claim waits for it.
     */
    public static Prepared<DynamoDbLedger> start(String table, software.amazon.awssdk.regions.Region region) {
        return Prepared.inBackground("ledger", () -> {
            DynamoDbLedger ledger = create(table, region);
            try {
                ledger.prime();
            } catch (PrimingException e) {
                // only a head start: a claim that cannot work fails, with its own reason, when it is tried
            }
            return ledger;
        });
    }

    /** The ledger in the given table, with the client set up by {@link AwsClients}. */
    public static DynamoDbLedger create(String table, software.amazon.awssdk.regions.Region region) {
        RenewableCredentials credentials = new RenewableCredentials();
        DynamoDbClient dynamo = AwsClients.dynamoDb(region, credentials, new SnsPublisher.StopPrimingRequests());
        return new DynamoDbLedger(dynamo, table, Clock.systemUTC(), credentials);
    }

    @Override
    public Claim claim(String eventId, Instant leaseUntil) {
        Instant now = clock.instant();
        try {
            dynamo.putItem(claimRequest(eventId, now, leaseUntil, false));
            return new Claim.Granted();
        } catch (ConditionalCheckFailedException e) {
            GetItemResponse item = call("reading the claim on", eventId,
                    () -> dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(eventId))));
            Map<String, AttributeValue> found = item.item();
            if (found == null || found.isEmpty()) {
                return claim(eventId, leaseUntil); // released in between
            }
            AttributeValue state = found.get("state");
            if (state != null && PUBLISHED.equals(state.s())) {
                AttributeValue message = found.get("messageId");
                return new Claim.AlreadyPublished(message == null ? null : message.s());
            }
            AttributeValue until = found.get("leaseUntil");
            return new Claim.Held(until == null ? now : Instant.ofEpochMilli(Long.parseLong(until.n())));
        } catch (SdkException e) {
            throw failure("claiming", eventId, e);
        }
    }

    @Override
    public void published(String eventId, String messageId) {
        Instant now = clock.instant();
        call("recording the delivery of", eventId, () -> dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "eventId", s(eventId),
                "state", s(PUBLISHED),
                "messageId", s(messageId == null ? "" : messageId),
                "publishedAt", n(now.toEpochMilli()),
                "expiresAt", n(now.plus(REMEMBER).getEpochSecond())))));
    }

    @Override
    public void release(String eventId) {
        call("releasing the claim on", eventId, () -> dynamo.deleteItem(b -> b.tableName(table).key(key(eventId))
                .conditionExpression("#state = :pending")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":pending", s(PENDING)))));
    }

    /**
     * @throws PrimingException when the request did not get as far as the point of sending
     */
    @Override
    public void prime() {
        try {
            dynamo.putItem(claimRequest("priming", clock.instant(), clock.instant(), true));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SnsPublisher.PrimingComplete) {
                    return;
                }
            }
            throw new PrimingException("priming the DynamoDB client failed, so recording deliveries would fail too: "
                    + e.getMessage(), e);
        }
        throw new PrimingException("priming the DynamoDB client sent a request: the interceptor that stops it is missing", null);
    }

    @Override
    public void afterRestore() {
        credentials.renew();
    }

    private PutItemRequest claimRequest(String eventId, Instant now, Instant leaseUntil, boolean priming) {
        PutItemRequest.Builder put = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        "eventId", s(eventId),
                        "state", s(PENDING),
                        "leaseUntil", n(leaseUntil.toEpochMilli()),
                        "expiresAt", n(now.plus(REMEMBER).getEpochSecond())))
                .conditionExpression(CLAIM_CONDITION)
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":pending", s(PENDING), ":now", n(now.toEpochMilli())));
        if (priming) {
            put.overrideConfiguration(o -> o.putExecutionAttribute(SnsPublisher.PRIMING, Boolean.TRUE));
        }
        return put.build();
    }

    private <T> T call(String what, String eventId, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            return null; // release: someone else's claim or a published event, which stays
        } catch (SdkException e) {
            throw failure(what, eventId, e);
        }
    }

    private PublishException failure(String what, String eventId, SdkException e) {
        String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + ": " : "";
        return new PublishException("event " + eventId + ": " + what + " it in the ledger " + table + " failed: " + code
                + e.getMessage(), e);
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Map.of("eventId", s(eventId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
