package cloudtrail.notifier.render;

import java.util.Map;

/** What is published: the e-mail subject, the body, and the attributes subscription filters see. */
public record Notification(String subject, String message, Map<String, String> messageAttributes) {
    public Notification {
        messageAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messageAttributes));
    }
}
