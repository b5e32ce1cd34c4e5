package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.OtherEvent;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.TimeFormat;

/**
 * Picks the view for an EventBridge event that is not from CloudTrail: GuardDuty findings, Security
 * Hub findings and AWS Health events each have one; anything else is left to the generic rendering.
 */
public final class FindingViews {
    private final TimeFormat time;
    private final Language language;

    public FindingViews(TimeFormat time, Language language) {
        this.time = time;
        this.language = language;
    }

    /** The view of the event, or null when no view knows its sender or the event has no detail. */
    public FindingView of(OtherEvent e) {
        if (e.detail() == null || !e.detail().isObject()) {
            return null;
        }
        if (GuardDutyView.applies(e)) {
            return new GuardDutyView(GuardDutyCatalog.get(), time, language).view(e);
        }
        if (SecurityHubView.applies(e)) {
            return new SecurityHubView(time, language).view(e);
        }
        if (HealthView.applies(e)) {
            return new HealthView(time, language).view(e);
        }
        return null;
    }
}
