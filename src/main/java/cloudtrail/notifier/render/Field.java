package cloudtrail.notifier.render;

import java.util.List;

/**
 * One labelled part of a notification as the mail shows it (「誰が: …」, or a list under 「対象:」), kept
 * apart so that the formats that are not mail (chat, machine) say the same thing from the same words.
 * Values are already safe to show: one line each, bounded.
 *
 * @param label which part: its key ({@link #key()}) is the machine format's name for it
 * @param text the label in the notification's language
 * @param more how many more items the list has than it shows (the mail's 「ほか N 件」)
 */
public record Field(Msg label, String text, List<String> values, int more) {
    public Field {
        values = List.copyOf(values);
    }

    public Field(Msg label, String text, List<String> values) {
        this(label, text, values, 0);
    }

    private static final java.util.Map<Msg, String> KEYS = keys();

    private static java.util.Map<Msg, String> keys() {
        java.util.Map<Msg, String> keys = new java.util.EnumMap<>(Msg.class);
        for (Msg m : Msg.values()) {
            String[] words = m.name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            keys.put(m, key.toString());
        }
        return keys;
    }

    /** The part's name for programs: {@code WHAT} is "what", {@code SOURCE_IP} "sourceIp". */
    public String key() {
        return KEYS.get(label);
    }

    /** The single value, or the first of a list. */
    public String value() {
        return values.get(0);
    }
}
