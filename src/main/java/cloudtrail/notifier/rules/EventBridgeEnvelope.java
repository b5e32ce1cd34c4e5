package cloudtrail.notifier.rules;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What EventBridge delivers for a CloudTrail record: the console shows bare records, but rules
 * match the envelope, with the record under "detail" (seed 000), and a detail-type that depends
 * on the record's eventType (seed 002).
 */
public final class EventBridgeEnvelope {
    private EventBridgeEnvelope() {}

    /** The event as EventBridge would deliver it; an EventBridge event is returned as it is. */
    public static JsonNode wrap(JsonNode event) {
        if (event.has("detail-type") || event.has("detail")) {
            return event;
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("version", "0");
        envelope.put("id", "00000000-0000-0000-0000-000000000000");
        envelope.put("detail-type", EventParser.detailTypeOf(Json.text(event, "eventType")));
        envelope.put("source", EventParser.sourceOf(Json.text(event, "eventSource")));
        String account = Json.text(event, "recipientAccountId");
        envelope.put("account", account != null ? account : Json.text(event.path("userIdentity"), "accountId"));
        envelope.put("time", Json.text(event, "eventTime"));
        envelope.put("region", Json.text(event, "awsRegion"));
        envelope.putArray("resources");
        envelope.set("detail", event);
        return envelope;
    }

    /** EventBridge hands read-only management calls only to rules in the all-management-events state. */
    public static boolean isReadOnlyManagementCall(JsonNode envelope) {
        JsonNode detail = envelope.path("detail");
        return "AWS API Call via CloudTrail".equals(envelope.path("detail-type").asText())
                && Boolean.TRUE.equals(Json.bool(detail.get("readOnly")));
    }
}
