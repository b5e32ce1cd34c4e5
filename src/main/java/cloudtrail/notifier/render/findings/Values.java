package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.SafeText;

/**
 * Text taken from an event, made fit for one line of a notification. Everything a view shows from
 * an event passes through here: SafeText makes control and bidi characters visible, and every
 * value is cut at a bound so one huge field cannot crowd out the rest of the message.
 */
final class Values {
    /** IDs, names, codes, addresses. */
    static final int SHORT = 200;
    /** A title or a URL. */
    static final int MEDIUM = 500;
    /** A description written by the sender: long enough to be useful, short enough to read on a phone. */
    static final int PROSE = 1_000;

    private Values() {}

    static String shortText(String s, Language language) {
        return SafeText.line(blankToNull(s), SHORT, language);
    }

    static String text(String s, int max, Language language) {
        return SafeText.line(blankToNull(s), max, language);
    }

    /**
     * Prose written over several lines (AWS Health descriptions are paragraphs): line breaks and runs
     * of spaces become one space, so the text reads as one line instead of a row of "\n" escapes.
     * Anything else invisible is still escaped by SafeText.
     */
    static String prose(String s, int max, Language language) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        return SafeText.line(t.replaceAll("[\\r\\n\\t ]+", " ").strip(), max, language);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
