package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;

/**
 * Why an event got its severity, shown beside it so the reader can judge the ranking (reasons.json).
 *
 * @param rank the reason's place in reasons.json: of two reasons of the same severity, the lower rank wins
 * @param keepOnFailure whether a failed call keeps this reason as it is (a root user's or an attack tool's
 *     failed call is still that); otherwise a failed risky call is reported as an attempt
 * @param next what to do, or null when there is nothing particular
 */
public record Reason(String id, Severity severity, Text label, Text next, int rank, boolean keepOnFailure) {
    public String label(Language language) {
        return label.in(language);
    }
}
