package cloudtrail.notifier.event;

import java.util.List;

/**
 * An EventBridge event that is not from CloudTrail. The fields a finding usually carries (title,
 * description, severity) are lifted out; the rest of the detail is kept as a bounded list.
 */
public record OtherEvent(
        Envelope envelope,
        String title,
        String description,
        Double severity,
        String type,
        List<DetailField> fields,
        int omittedFields) implements NotifierEvent {

    public OtherEvent {
        fields = List.copyOf(fields);
    }

    /** A top-level field of the detail, its value as text (objects and arrays in compact JSON). */
    public record DetailField(String name, String value) {}
}
