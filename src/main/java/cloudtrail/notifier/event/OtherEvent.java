package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An EventBridge event that is not from CloudTrail. The fields a finding usually carries (title,
 * description, severity, type) are lifted out; the detail itself stays a JSON tree because its
 * shape belongs to each sender, and is shown as a bounded sample.
 */
public record OtherEvent(
        Envelope envelope,
        String title,
        String description,
        Double severity,
        String type,
        JsonNode detail) implements NotifierEvent {

    @Override
    public String eventId() {
        return envelope.id();
    }

    @Override
    public String eventName() {
        return envelope.detailType();
    }
}
