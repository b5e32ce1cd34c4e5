package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import java.nio.charset.StandardCharsets;

/** SNS's limits on what may be published, and how a notification is made to fit them. */
public final class Limits {
    /** SNS: a subject is at most 100 characters, with no line breaks or control characters. */
    public static final int MAX_SUBJECT_CHARS = 100;
    /**
     * SNS: a publish is at most 256 KiB of UTF-8, counting the message and every message attribute's
     * name, data type and value ({@link #publishedBytes}); the renderer gives the body what the
     * attributes leave.
     */
    public static final int MAX_MESSAGE_BYTES = 262_144;
    /**
     * What the mail text may take of a publish. The text goes out in two parts (default, email), and the
     * machine format carries it again (sqs, lambda) when there is room ({@link SnsMessage}): at most this, the
     * text leaves room for the chat and machine parts; an event whose text would be longer is cut, keeping
     * its event ID and link, as before.
     */
    public static final int MAX_TEXT_BYTES = 100_000;
    /** The data type every attribute is sent with (publish.SnsPublisher); SNS counts it too. */
    public static final String ATTRIBUTE_TYPE = "String";
    /** SNS: a message attribute value; ours are short identifiers, kept well inside the limit. */
    public static final int MAX_ATTRIBUTE_CHARS = 256;

    private Limits() {}

    /** What SNS counts against {@link #MAX_MESSAGE_BYTES} for the attributes: names, types and values. */
    public static int attributeBytes(java.util.Map<String, String> attributes) {
        int bytes = 0;
        for (var a : attributes.entrySet()) {
            bytes += utf8Length(a.getKey()) + utf8Length(ATTRIBUTE_TYPE) + utf8Length(a.getValue());
        }
        return bytes;
    }

    /** What SNS counts against {@link #MAX_MESSAGE_BYTES}: the message and its attributes (not the subject). */
    public static int publishedBytes(Notification n) {
        return utf8Length(n.message()) + attributeBytes(n.messageAttributes());
    }

    public static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The message cut at a line boundary, with a note, when it exceeds maxBytes of UTF-8. */
    static String fitMessage(String message, int maxBytes, Language language) {
        return fitMessage(message, maxBytes, language, maxBytes);
    }

    /** The same, the note naming SNS's limit (shownLimit) while the message gets what the attributes leave. */
    static String fitMessage(String message, int maxBytes, Language language, int shownLimit) {
        if (message.length() <= maxBytes / 4 || utf8Length(message) <= maxBytes) {
            return message;
        }
        String note = Msg.MESSAGE_TRUNCATED.format(language, shownLimit) + "\n";
        int budget = maxBytes - note.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int lastBreak = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            if (c == '\n') {
                lastBreak = i + 1;
            }
        }
        return message.substring(0, lastBreak) + note;
    }
}
