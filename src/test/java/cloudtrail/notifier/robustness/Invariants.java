package cloudtrail.notifier.robustness;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.ChatPayload;
import cloudtrail.notifier.render.Limits;
import cloudtrail.notifier.render.SnsMessage;
import cloudtrail.notifier.render.SafeText;
import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What must hold for any notification, whatever the record: what a reader relies on. Each check is
 * written independently of the rendering code it checks.
 */
final class Invariants {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Invariants() {}

    /** @return the violations, empty when the notification is sound */
    static List<String> check(Notification n, JsonNode record, Language language, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        if (n.subject().length() > Limits.MAX_SUBJECT_CHARS) {
            problems.add("subject has " + n.subject().length() + " characters");
        }
        if (n.subject().isBlank()) {
            problems.add("subject is empty");
        }
        if (Limits.publishedBytes(n) > Limits.MAX_MESSAGE_BYTES) {
            problems.add("message and attributes have " + Limits.publishedBytes(n) + " bytes");
        }
        // what is published: every subscriber's part in one JSON, counted with the attributes as SNS counts it
        int published = Limits.utf8Length(SnsMessage.of(n).json()) + Limits.attributeBytes(n.messageAttributes());
        if (published > Limits.MAX_MESSAGE_BYTES) {
            problems.add("the published parts and attributes have " + published + " bytes");
        }
        var chatPart = ChatPayload.of(n);
        String chat = chatPart.toString();
        if (chat.contains("<") || chat.contains("](")) {
            problems.add("the chat part has markup from the event: " + chat);
        }
        checkCharacters("chat description", chatPart.path("content").path("description").asText(), true, problems);
        checkCharacters("subject", n.subject(), false, problems);
        checkCharacters("message", n.message(), true, problems);
        n.messageAttributes().forEach((k, v) -> checkCharacters("attribute " + k, v, false, problems));
        if (!containsNullText(record) && (n.message().toLowerCase(Locale.ROOT).contains("null")
                || n.subject().toLowerCase(Locale.ROOT).contains("null"))) {
            problems.add("\"null\" appears though the record has no such text");
        }
        String notAvailable = language == Language.JA ? "（情報なし）" : "(not available)";
        String whoLabel = language == Language.JA ? "誰が: " : "Who: ";
        JsonNode identity = record.path("userIdentity");
        if (identity.isObject() && hasAnyScalar(identity)) {
            String who = line(n.message(), whoLabel);
            if (who == null || who.isBlank() || who.equals(notAvailable)) {
                problems.add("who is empty though userIdentity has " + identity);
            }
        }
        Instant time = eventTime(record.path("eventTime"));
        if (time != null) {
            String when = line(n.message(), language == Language.JA ? "いつ: " : "When: ");
            String expected = LOCAL.format(time.atZone(zone));
            // the weekday stands after the date in Japanese, before it in English: "2023-04-25（火）18:47:10", "Tue 2023-04-25 18:47:10"
            String plain = when == null ? null
                    : language == Language.JA ? when.replaceFirst("^(\\S+?)（.）", "$1 ") : when.replaceFirst("^[A-Z][a-z]{2} ", "");
            if (plain == null || !plain.startsWith(expected)) {
                problems.add("time line " + when + " does not start with " + expected + " (" + zone + ")");
            }
        }
        return problems;
    }

    private static void checkCharacters(String what, String text, boolean lineBreaksAllowed, List<String> problems) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && !(lineBreaksAllowed && c == '\n');
            int cp = text.codePointAt(i);
            boolean hidden = cp >= 0xA0 && !Character.isLowSurrogate(c) && !(Character.isHighSurrogate(c) && cp == c)
                    && SafeText.isHidden(cp, i == 0 ? -1 : text.codePointBefore(i)); // every format, filler and invisible character
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || hidden || lone) {
                problems.add(what + " has U+" + String.format("%04X", (int) c) + " at " + i);
                return;
            }
        }
    }

    /** The value of the first line that starts with the label. */
    static String line(String message, String label) {
        for (String l : message.split("\n")) {
            if (l.startsWith(label)) {
                return l.substring(label.length());
            }
        }
        return null;
    }

    private static boolean containsNullText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().toLowerCase(Locale.ROOT).contains("null");
        }
        for (JsonNode child : node) {
            if (containsNullText(child)) {
                return true;
            }
        }
        if (node.isObject()) {
            for (var it = node.fieldNames(); it.hasNext(); ) {
                if (it.next().toLowerCase(Locale.ROOT).contains("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The fields CloudTrail documents for userIdentity that name somebody. */
    private static final String[] IDENTITY_FIELDS = {
        "type", "principalId", "arn", "accountId", "accessKeyId", "userName", "invokedBy", "identityProvider", "credentialId"
    };

    private static boolean hasAnyScalar(JsonNode identity) {
        for (String field : IDENTITY_FIELDS) {
            if (present(identity.get(field))) {
                return true;
            }
        }
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        return present(identity.path("onBehalfOf").get("userId"))
                || present(issuer.get("userName")) || present(issuer.get("arn")) || present(issuer.get("principalId"));
    }

    private static boolean present(JsonNode v) {
        return v != null && ((v.isTextual() && !v.textValue().isEmpty()) || v.isNumber() || v.isBoolean()
                || (v.isContainerNode() && !v.isEmpty()));
    }

    /**
     * CloudTrail's eventTime, read here without the notifier's own parser; null when it is not a
     * time, or one no zone can show (beyond the years 1 to 9999, where an offset overflows it).
     */
    static Instant eventTime(JsonNode node) {
        Instant t = parseEventTime(node);
        return t == null || t.isBefore(Instant.parse("0001-01-02T00:00:00Z")) || t.isAfter(Instant.parse("9999-12-30T00:00:00Z"))
                ? null : t;
    }

    private static Instant parseEventTime(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String s = node.textValue().trim();
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
