package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import java.nio.charset.StandardCharsets;

/** SNS's limits on what may be published, and how a notification is made to fit them. */
public final class Limits {
    /** SNS: a subject is at most 100 characters, with no line breaks or control characters. */
    public static final int MAX_SUBJECT_CHARS = 100;
    /** SNS: a message is at most 256 KiB of UTF-8. */
    public static final int MAX_MESSAGE_BYTES = 262_144;
    /** SNS: a message attribute value; ours are short identifiers, kept well inside the limit. */
    public static final int MAX_ATTRIBUTE_CHARS = 256;

    private Limits() {}

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
        if (message.length() <= maxBytes / 4 || utf8Length(message) <= maxBytes) {
            return message;
        }
        String note = Msg.MESSAGE_TRUNCATED.format(language, maxBytes) + "\n";
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
