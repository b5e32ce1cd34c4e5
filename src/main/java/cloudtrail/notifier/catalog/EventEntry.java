package cloudtrail.notifier.catalog;

import java.util.List;

/** What the catalog knows about one API call: what it means, what it touches, what makes it risky. */
public record EventEntry(Text phrase, List<TargetSpec> targets, List<RiskRule> risks) {}
