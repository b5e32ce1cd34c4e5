package cloudtrail.notifier.event;

/** A CloudTrail record, as delivered by EventBridge or wrapped from a bare record. */
public record CloudTrailEvent(Envelope envelope, CloudTrailRecord record) implements NotifierEvent {
    @Override
    public String eventId() {
        return record.eventId() != null ? record.eventId() : envelope.id();
    }

    /** The event name; an Insights event has none of its own and names the call it is about. */
    @Override
    public String eventName() {
        String call = record.callName();
        return call != null ? call : envelope.detailType();
    }
}
