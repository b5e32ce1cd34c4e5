package cloudtrail.notifier.render;

import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.Json;
import com.fasterxml.jackson.databind.JsonNode;

/** Whether the call succeeded. Failures carry what CloudTrail said about them. */
public record Outcome(boolean failed, String code, String message) {
    static final Outcome SUCCESS = new Outcome(false, null, null);

    public static Outcome of(CloudTrailRecord r) {
        if (r.errorCode() != null || r.errorMessage() != null) {
            return new Outcome(true, r.errorCode(), r.errorMessage());
        }
        // A failed console sign-in has no errorCode: only ConsoleLogin "Failure" (and the message).
        if ("Failure".equalsIgnoreCase(r.consoleLoginResult())) {
            return new Outcome(true, null, null);
        }
        // Service events report the end of a background workflow (CreateAccountResult and the like).
        JsonNode status = r.serviceEventDetails() == null ? null : firstObject(r.serviceEventDetails());
        if (status != null && "FAILED".equalsIgnoreCase(Json.text(status, "state"))) {
            return new Outcome(true, Json.text(status, "failureReason"), null);
        }
        return SUCCESS;
    }

    private static JsonNode firstObject(JsonNode details) {
        if (!details.isObject()) {
            return null;
        }
        if (details.has("state")) {
            return details;
        }
        for (JsonNode child : details) {
            if (child.isObject() && child.has("state")) {
                return child;
            }
        }
        return null;
    }
}
