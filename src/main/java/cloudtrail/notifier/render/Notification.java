package cloudtrail.notifier.render;

import java.util.Map;

/**
 * What is published: the e-mail subject, the body, the attributes subscription filters see, and what the
 * body says part by part ({@link About}), from which the chat and machine formats are made.
 */
public record Notification(String subject, String message, Map<String, String> messageAttributes, About about) {
    public Notification {
        messageAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messageAttributes));
    }

    /** A notification made by hand (priming, tests): its parts are its subject alone. */
    public Notification(String subject, String message, Map<String, String> messageAttributes) {
        this(subject, message, messageAttributes, About.only(subject, messageAttributes));
    }
}
