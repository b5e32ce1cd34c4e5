package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Catalog;
import cloudtrail.notifier.catalog.Reason;
import cloudtrail.notifier.event.OtherEvent;

/**
 * Ranks an event that is not a CloudTrail record (CloudTrail records are ranked by the catalog's
 * risk rules, see catalog.Assessor): a finding by its own severity score.
 */
public final class SeverityPolicy {
    private final Catalog catalog;

    public SeverityPolicy(Catalog catalog) {
        this.catalog = catalog;
    }

    /** GuardDuty scores findings 1.0-8.9 (and up to 10 for critical ones): high is 7.0 and above. */
    public Reason assess(OtherEvent e) {
        Double severity = e.severity();
        if (severity == null) {
            return catalog.reason("routine");
        }
        if (severity >= 7.0) {
            return catalog.reason("finding-high");
        }
        if (severity >= 4.0) {
            return catalog.reason("finding-medium");
        }
        return catalog.reason("finding-low");
    }
}
