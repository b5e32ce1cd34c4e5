package cloudtrail.notifier.render;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is published for a notification: one message per kind of subscriber ({@code MessageStructure=json}).
 * {@code default} and {@code email} carry the mail text; {@code https}, the protocol of Amazon Q's
 * subscription, its custom notification ({@link ChatPayload}), which it needs to show anything at all;
 * {@code sqs} and {@code lambda} the machine format ({@link MachinePayload}). Each is a JSON string, as SNS
 * requires. SNS counts the whole of it, with the attributes, against its 262,144 bytes: when the parts do
 * not fit, the machine format goes without the mail text, and if that is not enough (text made of quotes
 * and line breaks, which the nesting escapes twice), the text is cut.
 */
public record SnsMessage(String json, boolean machineHasMessage) {
    private static final JsonTrees JSON = new JsonTrees();

    public static SnsMessage of(Notification n) {
        int budget = Limits.MAX_MESSAGE_BYTES - Limits.attributeBytes(n.messageAttributes());
        String chat = JSON.write(ChatPayload.of(n));
        String text = n.message();
        String json = structure(text, chat, JSON.write(MachinePayload.of(n, true)));
        if (Limits.utf8Length(json) <= budget) {
            return new SnsMessage(json, true);
        }
        String machine = JSON.write(MachinePayload.of(n, false));
        json = structure(text, chat, machine);
        int textBudget = Limits.utf8Length(text);
        while (Limits.utf8Length(json) > budget && textBudget > 0) {
            int over = Limits.utf8Length(json) - budget;
            // the text is in two parts, each escaped at most twice its length: cut what makes the excess, and some
            textBudget = Math.max(0, textBudget - over / 2 - 1_024);
            text = Limits.fitMessage(n.message(), textBudget, n.about().language(), Limits.MAX_MESSAGE_BYTES);
            json = structure(text, chat, machine);
        }
        return new SnsMessage(json, false);
    }

    /**
     * Whether the machine part carries the mail text, as {@link #of} decides it; without building the
     * message when its size cannot come near the limit (each byte of text makes at most 20 in the parts:
     * twice as mail, four times over in the machine part's fields and text, each escaped twice).
     */
    public static boolean machineHasMessage(Notification n) {
        long bound = 20L * Limits.utf8Length(n.message()) + 50_000;
        return bound <= Limits.MAX_MESSAGE_BYTES - Limits.attributeBytes(n.messageAttributes()) || of(n).machineHasMessage();
    }

    /**
     * What is published, part by part, into a preview's JSON (the command line's {@code --json}, the
     * {@code sam local} dry run): {@code subject}, {@code message} (the mail text), {@code messageAttributes},
     * {@code chat} (the https part) and {@code machine} (the sqs part).
     */
    public static void putParts(ObjectNode into, Notification n) {
        into.put("subject", n.subject());
        into.put("message", n.message());
        ObjectNode attributes = into.putObject("messageAttributes");
        n.messageAttributes().forEach(attributes::put);
        into.set("chat", ChatPayload.of(n));
        into.set("machine", MachinePayload.of(n, machineHasMessage(n)));
    }

    private static String structure(String text, String chat, String machine) {
        ObjectNode parts = JsonNodeFactory.instance.objectNode();
        parts.put("default", text);
        parts.put("email", text);
        parts.put("https", chat);
        parts.put("sqs", machine);
        parts.put("lambda", machine);
        return JSON.write(parts);
    }
}
