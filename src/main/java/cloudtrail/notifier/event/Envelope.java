package cloudtrail.notifier.event;

import java.util.List;

/** The EventBridge envelope: who sent the event, of which kind, for which account and region. */
public record Envelope(
        String id,
        String detailType,
        String source,
        String account,
        EventTime time,
        String region,
        List<String> resources) {

    public Envelope {
        resources = resources == null ? List.of() : List.copyOf(resources);
        time = time == null ? EventTime.ABSENT : time;
    }
}
