package cloudtrail.notifier.event;

/** A CloudTrail record, as delivered by EventBridge or wrapped from a bare record. */
public record CloudTrailEvent(Envelope envelope, CloudTrailRecord record) implements NotifierEvent {
    @Override
    public String eventId() {
        return record.eventId() != null ? record.eventId() : envelope.id();
    }

    @Override
    public String eventName() {
        return record.eventName();
    }
}
