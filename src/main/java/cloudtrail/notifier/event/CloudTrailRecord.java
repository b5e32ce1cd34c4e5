package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A CloudTrail record. The fields every record shares are typed; the per-API parts
 * (requestParameters, responseElements, additionalEventData, serviceEventDetails) stay JSON trees
 * because their shape belongs to each service, and only the resource extraction reads them.
 * {@code detail} is the whole record as it arrived, which the catalog's risk patterns are matched
 * against, as EventBridge matches its rules.
 */
public record CloudTrailRecord(
        String eventVersion,
        UserIdentity userIdentity,
        EventTime eventTime,
        String eventSource,
        String eventName,
        String awsRegion,
        String sourceIpAddress,
        String userAgent,
        JsonNode requestParameters,
        JsonNode responseElements,
        JsonNode additionalEventData,
        JsonNode serviceEventDetails,
        JsonNode insightDetails,
        String errorCode,
        String errorMessage,
        String eventId,
        Boolean readOnly,
        String eventType,
        String recipientAccountId,
        String eventCategory,
        List<ResourceRef> resources,
        JsonNode detail) {

    public CloudTrailRecord {
        resources = List.copyOf(resources);
    }

    /** A CloudTrail Insights event: unusual API call or error rates, with no caller of its own. */
    public boolean isInsight() {
        return "AwsCloudTrailInsight".equalsIgnoreCase(eventType) || insightDetails != null;
    }

    /** An Insights event reports both the start and the end of unusual activity; this is the end. */
    public boolean insightEnded() {
        return "End".equalsIgnoreCase(Json.text(insightDetails, "state"));
    }

    /** The service the record is about: its own, or for an Insights event, the one whose calls were unusual. */
    public String callSource() {
        return eventSource != null ? eventSource : Json.text(insightDetails, "eventSource");
    }

    /** The call the record is about: its own event name, or for an Insights event, the call it observed. */
    public String callName() {
        return eventName != null ? eventName : Json.text(insightDetails, "eventName");
    }

    public boolean isConsoleSignIn() {
        return "AwsConsoleSignIn".equalsIgnoreCase(eventType) || "ConsoleLogin".equals(eventName);
    }

    /** responseElements.ConsoleLogin of a sign-in record: "Success" or "Failure". */
    public String consoleLoginResult() {
        return Json.text(responseElements, "ConsoleLogin");
    }

    /** additionalEventData.MFAUsed of a sign-in record: "Yes" or "No". */
    public Boolean mfaUsed() {
        return additionalEventData == null ? null : Json.bool(additionalEventData.get("MFAUsed"));
    }
}
