package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notification says, part by part, beside its mail text: what the chat and machine formats
 * ({@link ChatPayload}, {@link MachinePayload}) are made of.
 *
 * @param headline the severity and what happened (「【重大】CloudTrail の記録を停止」), a chat message's title
 * @param fields the mail's labelled parts, in its order
 * @param thread the same for every notification of one actor in one account, bursts included, so a chat
 *     channel keeps them in one thread; null when the event names no actor or account
 * @param eventIds the events it tells of: one, or a digest's
 * @param event the EventBridge envelope of the event (of the most severe one, for a digest): id, source,
 *     detailType, account, region, time, as EventBridge gave them
 */
public record About(Language language, Severity severity, String headline, List<Field> fields, String thread,
        List<String> eventIds, Map<String, String> event) {
    public About {
        fields = List.copyOf(fields);
        eventIds = List.copyOf(eventIds);
        event = Collections.unmodifiableMap(new LinkedHashMap<>(event));
    }

    /** For a notification made by hand (priming, tests): its subject as the headline, nothing more. */
    static About only(String subject, Map<String, String> attributes) {
        String severity = attributes.get("severity");
        Severity s = severity == null ? null : Severity.fromAttribute(severity);
        return new About(Language.JA, s == null ? Severity.INFO : s, subject, List.of(),
                null, List.of(), Map.of());
    }

    /** The field with this label, or null. */
    public Field field(Msg label) {
        for (Field f : fields) {
            if (f.label() == label) {
                return f;
            }
        }
        return null;
    }
}
