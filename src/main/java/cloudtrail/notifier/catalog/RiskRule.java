package cloudtrail.notifier.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * When an event is risky, and why: the pattern (EventBridge syntax, over the record) and the check, both
 * optional, must hold. {@code next} overrides the reason's own next step for this API.
 */
public record RiskRule(Reason reason, EventPattern pattern, Check check, Text next) {
    boolean applies(JsonNode record, String ownAccount, Check.PolicyReader policies) {
        return (pattern == null || pattern.matches(record)) && (check == null || check.holds(record, ownAccount, policies));
    }
}
