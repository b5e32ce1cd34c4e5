package cloudtrail.notifier.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names people call accounts by (「本番」「検証」), from {@code 111122223333=本番,444455556666=検証}
 * (NOTIFY_ACCOUNT_NAMES, or the template's AccountNames). A notification shows the name with the ID.
 */
public record AccountNames(Map<String, String> names) {
    public static final String NOTIFY_ACCOUNT_NAMES = "NOTIFY_ACCOUNT_NAMES";
    public static final String ACCOUNT_NAMES_PARAMETER = "ACCOUNT_NAMES_PARAMETER";
    public static final AccountNames NONE = new AccountNames(Map.of());
    /** SSM stores no empty string: the template writes this for "no names". */
    public static final String EMPTY = "-";
    public static final int MAX_NAME = 40;
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public AccountNames {
        names = Map.copyOf(names);
    }

    public static AccountNames fromEnvironment(Map<String, String> env) {
        String value = env.get(NOTIFY_ACCOUNT_NAMES);
        return value == null ? NONE : parse(value, NOTIFY_ACCOUNT_NAMES);
    }

    /**
     * @param origin what to name in an error: the variable or the parameter
     * @throws ConfigurationException naming the entry that is wrong
     */
    public static AccountNames parse(String value, String origin) {
        String text = value.strip();
        if (text.isEmpty() || text.equals(EMPTY)) {
            return NONE;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String entry : text.split("[,\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String id = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
            String name = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw new ConfigurationException(origin + ": '" + shown(entry) + "' is not ACCOUNT_ID=NAME with a 12-digit account ID");
            }
            if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT)) {
                throw new ConfigurationException(origin + ": the name for " + id + " must be 1 to " + MAX_NAME
                        + " visible characters");
            }
            if (names.put(id, name) != null) {
                throw new ConfigurationException(origin + ": account " + id + " is named twice");
            }
        }
        return new AccountNames(names);
    }

    /** The name for this account, or null. */
    public String name(String accountId) {
        return accountId == null ? null : names.get(accountId);
    }

    private static String shown(String entry) {
        String s = entry.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
