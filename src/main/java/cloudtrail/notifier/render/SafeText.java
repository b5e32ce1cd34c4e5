package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.Redactor;
/**
 * Makes text taken from an event safe to place on one line of a notification. A line break inside a
 * value could start a line that looks like one of our labels, and bidirectional overrides can make
 * a value read differently from what it is; both are written out as visible escapes instead.
 */
public final class SafeText {
    private SafeText() {}

    /**
     * The text on one line, every character visible, cut after maxChars code points with a note. A value
     * the parser withheld (event.Redactor) reads 「（秘匿のため非表示）」 / "(withheld: secret)".
     */
    public static String line(String text, int maxChars, Language language) {
        if (text == null) {
            return null;
        }
        if (Redactor.isWithheld(text)) {
            text = text.replace(Redactor.WITHHELD, Msg.WITHHELD.in(language));
        }
        if (text.length() <= maxChars && isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int shown = 0;
        int total = text.codePointCount(0, text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (shown == maxChars) {
                out.append(Msg.TRUNCATED.format(language, total));
                break;
            }
            appendVisible(out, cp);
            shown++;
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || needsEscapeAbove(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscapeAbove(int cp) {
        return cp == 0x061C                      // Arabic letter mark
                || (cp >= 0x200B && cp <= 0x200C) // zero-width space and non-joiner hide text
                || (cp >= 0x200E && cp <= 0x200F) // LRM, RLM
                || (cp >= 0x2028 && cp <= 0x202E) // line and paragraph separators, LRE..RLO
                || (cp >= 0x2066 && cp <= 0x2069) // LRI..PDI
                || (cp >= 0xFDD0 && cp <= 0xFDEF) // noncharacters: half a withheld marker cut by a length limit
                || cp == 0xFEFF;                  // zero-width no-break space
    }

    private static void appendVisible(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    out.append('\uFFFD'); // a lone surrogate cannot be encoded in UTF-8
                } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || needsEscapeAbove(cp)) {
                    out.append(String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
