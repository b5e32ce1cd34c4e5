package cloudtrail.notifier.catalog;

/**
 * Where an event names a resource it touched, and what kind of resource that is (null or "field": show
 * the field's name). {@code format}, when set, names code that says what the value at the path means
 * (a security group rule's direction, ports and peer), for what a path alone cannot say.
 */
public record TargetSpec(String kind, JsonPath path, String format) {}
