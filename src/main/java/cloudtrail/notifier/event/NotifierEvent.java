package cloudtrail.notifier.event;

/**
 * One input to the notifier. CloudTrail events carry a record we understand field by field; any
 * other EventBridge event (GuardDuty, EC2 state changes, ...) is shown from its envelope and the
 * detail's top-level fields.
 */
public sealed interface NotifierEvent permits CloudTrailEvent, OtherEvent {
    Envelope envelope();

    /** The ID to quote when this event goes wrong: CloudTrail's eventID, else EventBridge's id. */
    String eventId();

    /** The CloudTrail event name, or the EventBridge detail-type of any other event. */
    String eventName();
}
