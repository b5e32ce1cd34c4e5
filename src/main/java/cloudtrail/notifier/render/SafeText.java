package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.Redactor;
/**
 * Makes text taken from an event safe to place on one line of a notification, every character in it
 * seen for what it is:
 * <ul>
 *   <li>control characters, line and paragraph separators, every format character (Unicode category
 *       Cf: zero-width joiners and spaces, word joiner, invisible operators, soft hyphen, bidi marks,
 *       overrides and isolates, the Mongolian vowel separator, interlinear annotations, tag
 *       characters U+E0000–U+E007F...), the fillers and invisible letters that render as nothing
 *       (U+115F, U+1160, U+3164, U+FFA0, U+034F, U+17B4, U+17B5, the braille blank U+2800),
 *       variation selectors (but VS15/VS16 after a symbol, which pick an emoji's style), private-use
 *       and unassigned code points are written as escapes: "&#92;u200D", or "&#92;u{E0041}" above
 *       U+FFFF. An emoji ZWJ sequence is therefore shown as its parts with "&#92;u200D" between
 *       them: safety over looks. A line break cannot start a line that looks like one of our labels.
 *   <li>a run of more than {@link #MAX_BLANK_RUN} blanks (space, no-break space, the en to hair
 *       spaces U+2000–U+200A, narrow and medium spaces, the ideographic space, the braille blank) is
 *       shown as one marker, 「[空白 ×300]」 / "[300 blanks]", so no forged text can be pushed onto a
 *       line of its own by a mail client that wraps long lines.
 *   <li>{@link #name} also flags a name that mixes ASCII letters with other letters or digits that
 *       are not Japanese or Korean (Cyrillic or Greek look-alikes, fullwidth Latin):
 *       「ops-аdmin（ASCII 以外の文字を含む）」.
 * </ul>
 */
public final class SafeText {
    /** Blanks in a row up to this many are shown as they are; a longer run becomes one marker. */
    public static final int MAX_BLANK_RUN = 3;

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
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            if (shown == maxChars) {
                out.append(Msg.TRUNCATED.format(language, total));
                break;
            }
            int cp = text.codePointAt(i);
            if (isBlank(cp)) {
                int end = i;
                int run = 0;
                while (end < text.length() && isBlank(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                    run++;
                }
                if (run > MAX_BLANK_RUN) {
                    out.append(Msg.BLANKS.format(language, run));
                    i = end;
                    shown++;
                    previous = ' ';
                    continue;
                }
            }
            i += Character.charCount(cp);
            appendVisible(out, cp, previous);
            previous = cp;
            shown++;
        }
        return out.toString();
    }

    /**
     * A name (a user, a role, a resource) on one line as {@link #line} shows it, flagged when it mixes
     * ASCII letters with look-alikes: letters or digits from outside ASCII that are not Japanese or
     * Korean (CJK names beside ASCII ones are common and cannot pass for Latin letters).
     */
    public static String name(String text, int maxChars, Language language) {
        String shown = line(text, maxChars, language);
        return shown != null && hasLookAlikes(text) ? shown + Msg.NON_ASCII_LETTERS.in(language) : shown;
    }

    /** Whether the text has ASCII letters and also letters or digits that could pass for them. */
    public static boolean hasLookAlikes(String text) {
        if (text == null) {
            return false;
        }
        boolean ascii = false;
        boolean other = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                ascii |= (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
            } else if (Character.isLetterOrDigit(cp) && !isEastAsian(cp)) {
                other = true;
            }
        }
        return ascii && other;
    }

    private static boolean isEastAsian(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return false; // fullwidth Latin letters and digits are look-alikes, whatever their script
        }
        if (cp >= 0xFF61 && cp <= 0xFFDC) {
            return true; // halfwidth katakana and hangul, with their sound marks (script COMMON)
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> true;
            // the prolonged sound mark ー and the iteration marks are COMMON
            default -> cp == 0x30FC || cp == 0x3005 || cp == 0x3006 || cp == 0x309D || cp == 0x309E
                    || cp == 0x30FD || cp == 0x30FE;
        };
    }

    /** A blank that a run of is collapsed: ones that look like a space, and the braille blank. */
    static boolean isBlank(int cp) {
        return cp == ' ' || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F
                || cp == 0x205F || cp == 0x3000 || cp == 0x2800;
    }

    private static boolean isClean(String text) {
        int blanks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
                return false;
            }
            if (c >= 0xA0 && isHidden(c, -1)) {
                return false;
            }
            blanks = isBlank(c) ? blanks + 1 : 0;
            if (blanks > MAX_BLANK_RUN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a code point renders as nothing, or as something other than itself, and is escaped.
     * previous is the code point before it (-1 for none): VS15 and VS16 are kept after a symbol.
     */
    public static boolean isHidden(int cp, int previous) {
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return true;
        }
        if (cp < 0xA0) {
            return false;
        }
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return previous < 0 || Character.getType(previous) != Character.OTHER_SYMBOL;
        }
        switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE, Character.CONTROL -> {
                return true;
            }
            default -> { }
        }
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x034F                                              // combining grapheme joiner
                || cp == 0x17B4 || cp == 0x17B5                              // Khmer inherent vowels
                || (cp >= 0x180B && cp <= 0x180F)                            // Mongolian variation selectors, vowel separator
                || (cp >= 0xFE00 && cp <= 0xFE0F)                            // variation selectors
                || (cp >= 0xE0100 && cp <= 0xE01EF)                          // variation selectors supplement
                || (cp >= 0xE0000 && cp <= 0xE007F)                          // tags
                || cp == 0x2800                                              // braille blank
                || (cp >= 0xFDD0 && cp <= 0xFDEF);                           // noncharacters: half a withheld marker cut short
    }

    private static void appendVisible(StringBuilder out, int cp, int previous) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    out.append('\uFFFD'); // a lone surrogate cannot be encoded in UTF-8
                } else if (isHidden(cp, previous)) {
                    out.append(cp > 0xFFFF ? String.format("\\u{%X}", cp) : String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
