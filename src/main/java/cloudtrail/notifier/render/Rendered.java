package cloudtrail.notifier.render;

/** An event's notification, and the same event in a line for a digest. */
public record Rendered(Notification notification, Gist gist) {}
