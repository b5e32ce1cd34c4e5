package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Msg;
import cloudtrail.notifier.render.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "label: value" target lines of a view, without repeats and at most MAX of them: a finding
 * about a hundred resources should still leave room for what the reader has to do.
 */
final class Targets {
    static final int MAX = 10;

    private final Set<String> lines = new LinkedHashSet<>();
    private final Language language;
    private int omitted;

    Targets(Language language) {
        this.language = language;
    }

    /**
     * label is already in the reader's language; value is already safe, or null to skip. A value that
     * mixes ASCII letters with look-alikes is flagged (SafeText.name).
     */
    Targets add(String label, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        String flag = SafeText.hasLookAlikes(value) ? Msg.NON_ASCII_LETTERS.in(language) : "";
        String line = label + ": " + value + flag;
        if (lines.contains(line)) {
            return this;
        }
        if (lines.size() >= MAX) {
            omitted++;
        } else {
            lines.add(line);
        }
        return this;
    }

    List<String> list() {
        return new ArrayList<>(lines);
    }

    int omitted() {
        return omitted;
    }

    /** "i-0123（web-server）", or the ID alone when there is no name. */
    static String withName(String id, String name, Language language) {
        if (id == null) {
            return name;
        }
        if (name == null || name.equals(id)) {
            return id;
        }
        return language == Language.JA ? id + "（" + name + "）" : id + " (" + name + ")";
    }
}
