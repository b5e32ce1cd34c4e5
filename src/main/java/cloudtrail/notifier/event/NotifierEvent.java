package cloudtrail.notifier.event;

/**
 * One input to the notifier. CloudTrail events carry a record we understand field by field; any
 * other EventBridge event (GuardDuty, EC2 state changes, ...) is shown from its envelope and the
 * detail's top-level fields.
 */
public sealed interface NotifierEvent permits CloudTrailEvent, OtherEvent {
    Envelope envelope();
}
