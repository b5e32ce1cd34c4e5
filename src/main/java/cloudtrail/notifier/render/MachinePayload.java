package cloudtrail.notifier.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The notification for programs, the topic's {@code sqs} and {@code lambda} parts: the same parts as the mail,
 * named by key ({@code fields.what}, {@code fields.who}, …, lists as arrays), the severity and the
 * attributes (which SNS does not deliver with a per-protocol message), the event IDs, EventBridge's
 * envelope of the event, and the mail text when the publish has room for it.
 *
 * <pre>{"format": "cloudtrail-notifier/notification/1", "subject", "headline", "severity", "language",
 *  "eventIds": [...], "threadId", "fields": {...}, "attributes": {...}, "event": {...}, "message"}</pre>
 */
public final class MachinePayload {
    /** Changes only with a change a program would have to follow (a renamed or retyped key). */
    public static final String FORMAT = "cloudtrail-notifier/notification/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MachinePayload() {}

    /** @param withMessage whether the mail text goes too; without it {@code "message"} is absent */
    public static ObjectNode of(Notification n, boolean withMessage) {
        About about = n.about();
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("subject", n.subject());
        root.put("headline", about.headline());
        root.put("severity", about.severity().attributeValue());
        root.put("language", about.language().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode ids = root.putArray("eventIds");
        about.eventIds().forEach(ids::add);
        if (about.thread() != null) {
            root.put("threadId", about.thread());
        }
        // a part given twice (a digest's second critical reason, with its next step) becomes a list
        java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> more = new java.util.LinkedHashMap<>();
        java.util.Set<String> lists = new java.util.HashSet<>();
        for (Field f : about.fields()) {
            values.computeIfAbsent(f.key(), k -> new java.util.ArrayList<>()).addAll(f.values());
            if (f.more() > 0) {
                more.merge(f.key(), f.more(), Integer::sum);
            }
            if (f.label() == Msg.TARGETS || f.label() == Msg.DIGEST_LIST || f.label() == Msg.DETAILS) {
                lists.add(f.key());
            }
        }
        ObjectNode fields = root.putObject("fields");
        values.forEach((key, list) -> {
            if (list.size() == 1 && !lists.contains(key)) {
                fields.put(key, list.get(0));
            } else {
                ArrayNode array = fields.putArray(key);
                list.forEach(array::add);
            }
            if (more.containsKey(key)) {
                fields.put(key + "More", more.get(key));
            }
        });
        ObjectNode attributes = root.putObject("attributes");
        n.messageAttributes().forEach(attributes::put);
        ObjectNode event = root.putObject("event");
        about.event().forEach(event::put);
        if (withMessage) {
            root.put("message", n.message());
        }
        return root;
    }
}
