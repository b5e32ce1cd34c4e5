package cloudtrail.notifier.catalog;

/** Where an event names a resource it touched, and what kind of resource that is (null: show the field name). */
public record TargetSpec(String kind, JsonPath path) {}
