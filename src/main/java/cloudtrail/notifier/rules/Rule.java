package cloudtrail.notifier.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An EventBridge rule of the template: its name, its event pattern with parameters filled in, and
 * the state it is deployed with. The state matters as much as the pattern: a rule in state ENABLED
 * never receives read-only management events (seed 001).
 */
public record Rule(String name, JsonNode pattern, String state) {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
    public static final String ALL_MANAGEMENT_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

    public boolean receivesReadOnlyEvents() {
        return ALL_MANAGEMENT_EVENTS.equals(state);
    }

    public boolean disabled() {
        return DISABLED.equals(state);
    }
}
