package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Severity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notification as Amazon Q Developer in chat applications (formerly AWS Chatbot) shows it in Slack or
 * Microsoft Teams: its custom notification ({@code "version": "1.0", "source": "custom"}), which it takes
 * from the topic's {@code https} part. Anything else it drops without a word, so the shape is tested
 * (ChatPayloadSchemaTest). The text is short Markdown: the title is the severity and what happened; the
 * description who, where, when, the result, the targets, why, and the link; critical and warning
 * notifications carry what to do as next steps.
 *
 * <p>Values come from the mail's own parts, already one line each and free of control characters; here
 * they are also kept from being read as chat markup ({@link #chat}): no value can mention the channel or
 * make a link.
 */
public final class ChatPayload {
    /** Our bounds, well inside what Slack shows in one message section (3,000 characters). */
    public static final int MAX_TITLE_CHARS = 250;
    public static final int MAX_DESCRIPTION_CHARS = 3_000;
    public static final int MAX_NEXT_STEPS = 5;
    public static final int MAX_NEXT_STEP_CHARS = 500;
    public static final int MAX_KEYWORDS = 5;
    public static final int MAX_KEYWORD_CHARS = 50;
    public static final int MAX_RELATED_RESOURCES = 10;
    /** How many items of a list (targets, a digest's events) the description shows before 「ほか N 件」. */
    static final int LIST_ITEMS = 5;
    /** The parts the description tells, in this order: who, where, when, the result, then the rest. */
    private static final List<Msg> DESCRIPTION = List.of(Msg.WHO, Msg.DIGEST_TOOL, Msg.WHERE, Msg.WHEN, Msg.RESULT,
            Msg.TARGETS, Msg.FINDING_TYPE, Msg.FINDING_SEVERITY, Msg.REASON, Msg.DIGEST_CRITICAL, Msg.DIGEST_LIST,
            Msg.CONSOLE_LINK, Msg.GUARDDUTY_CONSOLE, Msg.SECURITY_HUB_CONSOLE, Msg.HEALTH_CONSOLE, Msg.INSIGHTS_CONSOLE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final java.util.regex.Pattern NOT_TYPE = java.util.regex.Pattern.compile("[^A-Za-z0-9-]+");
    private static final java.util.regex.Pattern EDGE_HYPHENS = java.util.regex.Pattern.compile("^-+|-+$");

    private ChatPayload() {}

    public static ObjectNode of(Notification n) {
        About about = n.about();
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        if (!about.eventIds().isEmpty()) {
            String id = about.eventIds().get(0);
            root.put("id", about.eventIds().size() == 1 ? id : "digest-" + id);
        }
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", cut(chat(about.headline()), MAX_TITLE_CHARS));
        content.put("description", description(about));
        List<String> next = nextSteps(about);
        if (!next.isEmpty()) {
            ArrayNode steps = content.putArray("nextSteps");
            next.forEach(steps::add);
        }
        ArrayNode keywords = content.putArray("keywords");
        keywords(n).forEach(keywords::add);

        ObjectNode metadata = root.putObject("metadata");
        if (about.thread() != null) {
            metadata.put("threadId", about.thread());
        }
        metadata.put("summary", cut(chat(n.subject()), MAX_TITLE_CHARS));
        metadata.put("eventType", eventType(n));
        Field targets = about.field(Msg.TARGETS);
        if (targets != null) {
            ArrayNode related = metadata.putArray("relatedResources");
            targets.values().stream().limit(MAX_RELATED_RESOURCES).map(ChatPayload::chat)
                    .forEach(related::add);
        }
        ObjectNode context = metadata.putObject("additionalContext");
        if (!about.eventIds().isEmpty()) {
            context.put("eventId", about.eventIds().get(0));
        }
        for (String name : List.of("severity", "account", "region", "eventSource", "eventName", "outcome", "digest")) {
            String value = n.messageAttributes().get(name);
            if (value != null) {
                context.put(name, chat(value));
            }
        }
        return root;
    }

    private static String description(About about) {
        StringBuilder text = new StringBuilder();
        List<Field> fields = new ArrayList<>(about.fields());
        // what an AWS service reports (a finding, a health event, an insight) has no caller and no outcome:
        // the chat message still says who (the reporting service) and that there is no result to tell
        String source = about.event().get("source");
        if (about.field(Msg.WHO) == null && source != null) {
            fields.add(new Field(Msg.WHO, Msg.WHO.in(about.language()),
                    List.of(Msg.WHO_REPORTED_BY.format(about.language(), source))));
        }
        if (about.field(Msg.RESULT) == null && about.field(Msg.DIGEST_LIST) == null) {
            fields.add(new Field(Msg.RESULT, Msg.RESULT.in(about.language()), List.of(Msg.RESULT_REPORTED.in(about.language()))));
        }
        for (Msg label : DESCRIPTION) {
            for (Field f : fields) {
                if (f.label() != label) {
                    continue;
                }
                String line = f.values().size() == 1 && f.more() == 0 ? f.text() + ": " + f.value() : f.text() + ":\n" + list(f, about);
                if (text.length() + line.length() + 1 > MAX_DESCRIPTION_CHARS) {
                    // the lines that fit; never none (the description is required): the first line cut
                    return text.isEmpty() ? cut(chat(line), MAX_DESCRIPTION_CHARS) : text.toString().strip();
                }
                text.append(chat(line)).append('\n');
            }
        }
        return text.toString().strip();
    }

    /** A list, an item a line: its first items, then how many more. */
    private static String list(Field f, About about) {
        List<String> shown = new ArrayList<>(f.values().subList(0, Math.min(LIST_ITEMS, f.values().size())));
        int more = f.values().size() - shown.size() + f.more();
        if (more > 0) {
            shown.add(Msg.MORE_ITEMS.format(about.language(), more));
        }
        return "- " + String.join("\n- ", shown);
    }

    /** What to do, for a warning or worse: the catalog's next step, or what to check first. */
    private static List<String> nextSteps(About about) {
        if (about.severity() == Severity.INFO) {
            return List.of();
        }
        Set<String> steps = new LinkedHashSet<>();
        for (Field f : about.fields()) {
            if (f.label() == Msg.NEXT || f.label() == Msg.CHECK_FIRST) {
                f.values().forEach(v -> steps.add(cut(chat(v), MAX_NEXT_STEP_CHARS)));
            }
        }
        return steps.stream().limit(MAX_NEXT_STEPS).toList();
    }

    /** The severity, the API or event type, the account and the region: what a channel is searched by. */
    private static List<String> keywords(Notification n) {
        Set<String> words = new LinkedHashSet<>();
        words.add(n.about().severity().label(n.about().language()));
        Map<String, String> attributes = n.messageAttributes();
        for (String name : List.of("eventName", "account", "region")) {
            String value = attributes.get(name);
            if (value != null && !value.isBlank()) {
                words.add(cut(chat(value), MAX_KEYWORD_CHARS));
            }
        }
        return words.stream().limit(MAX_KEYWORDS).toList();
    }

    /** What Amazon Q's custom actions match on: letters, digits and hyphens ({@code [a-zA-Z0-9-]+}). */
    private static String eventType(Notification n) {
        String name = n.messageAttributes().containsKey("digest") ? "Digest"
                : n.messageAttributes().getOrDefault("eventName", "Notification");
        String type = EDGE_HYPHENS.matcher(NOT_TYPE.matcher(name).replaceAll("-")).replaceAll("");
        return type.isEmpty() ? "Notification" : EDGE_HYPHENS.matcher(type.substring(0, Math.min(type.length(), 100))).replaceAll("");
    }

    /**
     * The text with what chat would read as a link or a mention made plain: every {@code < >} (Slack's
     * {@code <url|text>} and {@code <!channel>}) and a Markdown link's {@code ](} become full-width.
     */
    static String chat(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('>') < 0 && !text.contains("](")) {
            return text; // nearly always: nothing to change
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                out.append('＜');
            } else if (c == '>') {
                out.append('＞');
            } else if (c == ']' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                out.append('］');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
