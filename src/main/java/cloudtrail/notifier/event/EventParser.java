package cloudtrail.notifier.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event as EventBridge delivers it, or a bare CloudTrail record as the console shows it,
 * into a {@link NotifierEvent}. Only input that is not one JSON object is rejected (not JSON, not an
 * object, not well-formed UTF-8, or an object with a key twice: see {@link JsonTrees}); any JSON
 * object becomes something that can be shown.
 */
public final class EventParser {
    private static final String VIA_CLOUDTRAIL = "via CloudTrail";

    private final JsonTrees trees;
    private final Redactor redactor = new Redactor();

    public EventParser() {
        this(new JsonTrees());
    }

    public EventParser(JsonTrees trees) {
        this.trees = trees;
    }

    /** The JSON reader and writer this parser uses, shared with whoever writes JSON output. */
    public JsonTrees trees() {
        return trees;
    }

    /**
     * Whether the input opens with {@code {"Records": [}, whitespace aside: Lambda's SQS event, or a CloudTrail
     * log file. An event never has Records as its first key. Only the start is read.
     */
    public static boolean opensWithRecords(byte[] json) {
        String start = new String(json, 0, Math.min(json.length, 64), java.nio.charset.StandardCharsets.UTF_8);
        return start.replaceAll("\\s", "").startsWith("{\"Records\":[");
    }

    public NotifierEvent parse(byte[] json) {
        return parse(readTree(() -> trees.read(json)));
    }

    /**
     * The input as a JSON tree, unredacted (what EventBridge matched): for matching patterns against.
     *
     * @throws InvalidEventException when it is not JSON
     */
    public JsonNode readTree(byte[] json) {
        return readTree(() -> trees.read(json));
    }

    public NotifierEvent parse(String json) {
        return parse(readTree(() -> trees.read(json)));
    }

    private interface TreeReader {
        JsonNode read() throws IOException;
    }

    private static JsonNode readTree(TreeReader reader) {
        JsonNode tree;
        try {
            tree = reader.read();
        } catch (Utf8.MalformedException | JsonTrees.DuplicateKeyException e) {
            // not one event: EventBridge's matcher may have read it differently from how it would be shown
            throw new InvalidEventException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new InvalidEventException("cannot read the event: " + e.getMessage(), e);
        }
        if (tree == null) {
            throw new InvalidEventException("empty input: expected a JSON object");
        }
        return tree;
    }

    /**
     * The event, read from a copy of {@code root} in which every secret is withheld ({@link Redactor}):
     * nothing built here, and so nothing shown, holds a value that the redaction replaced.
     */
    public NotifierEvent parse(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new InvalidEventException("expected a JSON object (an EventBridge event or a CloudTrail record), got "
                    + (input == null ? "nothing" : describe(input)));
        }
        JsonNode root = redactor.redact(input);
        if (isEnvelope(root)) {
            JsonNode detail = root.get("detail");
            Envelope envelope = envelope(root);
            if (detail != null && detail.isObject() && isCloudTrail(envelope.detailType(), detail)) {
                return new CloudTrailEvent(envelope, record(detail));
            }
            return other(envelope, detail);
        }
        if (looksLikeRecord(root)) {
            CloudTrailRecord record = record(root);
            return new CloudTrailEvent(wrap(record), record);
        }
        return other(envelope(root), null);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case NULL -> "JSON null";
            default -> "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean isEnvelope(JsonNode root) {
        return root.has("detail-type") || (root.has("detail") && root.has("source"));
    }

    private static boolean isCloudTrail(String detailType, JsonNode detail) {
        if (detailType != null && detailType.endsWith(VIA_CLOUDTRAIL)) {
            return true;
        }
        return looksLikeRecord(detail);
    }

    /** A CloudTrail record: an API call or sign-in names its event; an Insights event carries insightDetails. */
    private static boolean looksLikeRecord(JsonNode node) {
        return (node.hasNonNull("eventName") && (node.has("eventSource") || node.has("eventVersion") || node.has("userIdentity")))
                || (node.has("eventVersion") && node.has("insightDetails"));
    }

    private static Envelope envelope(JsonNode root) {
        return new Envelope(
                Json.text(root, "id"),
                Json.text(root, "detail-type"),
                Json.text(root, "source"),
                Json.text(root, "account"),
                EventTime.parse(Json.text(root, "time")),
                Json.text(root, "region"),
                texts(root.get("resources")));
    }

    /** The envelope EventBridge would have put around a bare record. */
    static Envelope wrap(CloudTrailRecord r) {
        String account = r.recipientAccountId() != null ? r.recipientAccountId() : r.userIdentity().accountId();
        return new Envelope(null, detailTypeOf(r.eventType()), sourceOf(r.eventSource()), account, r.eventTime(),
                r.awsRegion(), List.of());
    }

    /** EventBridge's detail-type for a CloudTrail eventType. */
    public static String detailTypeOf(String eventType) {
        if (eventType == null) {
            return "AWS API Call via CloudTrail";
        }
        return switch (eventType) {
            case "AwsServiceEvent" -> "AWS Service Event via CloudTrail";
            case "AwsConsoleSignIn", "AwsConsoleSignin" -> "AWS Console Sign In via CloudTrail";
            case "AwsConsoleAction" -> "AWS Console Action via CloudTrail";
            case "AwsCloudTrailInsight" -> "AWS Insight via CloudTrail";
            default -> "AWS API Call via CloudTrail";
        };
    }

    /** EventBridge's source for a CloudTrail eventSource: "iam.amazonaws.com" becomes "aws.iam". */
    public static String sourceOf(String eventSource) {
        if (eventSource == null) {
            return null;
        }
        int dot = eventSource.indexOf('.');
        return "aws." + (dot > 0 ? eventSource.substring(0, dot) : eventSource);
    }

    private static CloudTrailRecord record(JsonNode d) {
        return new CloudTrailRecord(
                Json.text(d, "eventVersion"),
                UserIdentity.from(d.get("userIdentity")),
                EventTime.parse(Json.text(d, "eventTime")),
                Json.text(d, "eventSource"),
                Json.text(d, "eventName"),
                Json.text(d, "awsRegion"),
                Json.text(d, "sourceIPAddress"),
                Json.text(d, "userAgent"),
                Json.container(d, "requestParameters"),
                Json.container(d, "responseElements"),
                Json.container(d, "additionalEventData"),
                Json.container(d, "serviceEventDetails"),
                Json.container(d, "insightDetails"),
                Json.text(d, "errorCode"),
                Json.text(d, "errorMessage"),
                Json.text(d, "eventID"),
                Json.bool(d.get("readOnly")),
                Json.text(d, "eventType"),
                Json.text(d, "recipientAccountId"),
                Json.text(d, "eventCategory"),
                resourceRefs(d.get("resources")),
                d);
    }

    private static List<ResourceRef> resourceRefs(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<ResourceRef> refs = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isObject()) {
                String arn = Json.text(item, "ARN");
                refs.add(new ResourceRef(arn != null ? arn : Json.text(item, "arn"), Json.text(item, "type"),
                        Json.text(item, "accountId")));
            }
        }
        return refs;
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            String s = Json.text(item);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static OtherEvent other(Envelope envelope, JsonNode detail) {
        if (detail == null || detail.isNull() || detail.isMissingNode()) {
            return new OtherEvent(envelope, null, null, null, null, null);
        }
        if (!detail.isObject()) {
            return new OtherEvent(envelope, null, null, null, null, detail);
        }
        return new OtherEvent(envelope,
                Json.text(detail, "title"),
                Json.text(detail, "description"),
                Json.number(detail.get("severity")),
                Json.text(detail, "type"),
                detail);
    }
}
