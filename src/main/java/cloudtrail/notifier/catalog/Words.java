package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Says in words what an API call did when no service file describes it: the call's verb and noun
 * (DeleteFlowLogs → Delete + FlowLogs) looked up in words.json (and the service file's nouns), composed
 * with the service's name into 「EC2 のフローログの削除」 / "EC2 flow logs deleted". A noun nobody
 * translated is shown as words ("Flow Logs"), never as the API name.
 */
public final class Words {
    /** CloudTrail appends an API version to some names: AddPermission20150331v2, UpdateFunctionCode20150331v2. */
    private static final Pattern API_VERSION = Pattern.compile("\\d{8}(v\\d+)?$");

    private final List<Map.Entry<String, Text>> verbsLongestFirst;
    private final Map<String, Text> nouns;
    private final Map<String, Text> services;

    private Words(List<Map.Entry<String, Text>> verbs, Map<String, Text> nouns, Map<String, Text> services) {
        this.verbsLongestFirst = verbs;
        this.nouns = nouns;
        this.services = services;
    }

    static Words of(JsonNode root) {
        List<Map.Entry<String, Text>> verbs = new ArrayList<>();
        root.path("verbs").properties().forEach(e -> verbs.add(Map.entry(e.getKey(), Text.of(e.getValue(), "words.json verb " + e.getKey()))));
        verbs.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        Map<String, Text> nouns = new HashMap<>();
        root.path("nouns").properties().forEach(e -> nouns.put(e.getKey(), Text.of(e.getValue(), "words.json noun " + e.getKey())));
        Map<String, Text> services = new HashMap<>();
        root.path("services").properties().forEach(e -> services.put(e.getKey(), Text.of(e.getValue(), "words.json service " + e.getKey())));
        return new Words(List.copyOf(verbs), Map.copyOf(nouns), Map.copyOf(services));
    }

    /**
     * Whether a word is an API name rather than a word of a phrase: CamelCase that starts with one of
     * the verbs (DescribeInstances, PutEventSelectors), as opposed to a product name (CloudTrail, DynamoDB).
     */
    public boolean looksLikeApiName(String word) {
        if (word.length() < 4 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (Map.Entry<String, Text> v : verbsLongestFirst) {
            String key = v.getKey();
            if (word.startsWith(key) && word.length() > key.length() && Character.isUpperCase(word.charAt(key.length()))) {
                return true;
            }
        }
        return false;
    }

    Text service(String prefix) {
        return prefix == null ? null : services.get(prefix);
    }

    /** The call's name without CloudTrail's API-version suffix. */
    public static String baseName(String eventName) {
        return API_VERSION.matcher(eventName).replaceFirst("");
    }

    /**
     * @param serviceName the service's name (null: the call is named without one)
     * @param ownNouns the service file's nouns, which win over the shared ones
     */
    public String compose(String eventName, Text serviceName, Map<String, Text> ownNouns, Language language) {
        String name = baseName(eventName);
        String verb = null;
        Text verbText = null;
        for (Map.Entry<String, Text> v : verbsLongestFirst) {
            String key = v.getKey();
            if (name.startsWith(key) && (name.length() == key.length() || Character.isUpperCase(name.charAt(key.length())))) {
                verb = key;
                verbText = v.getValue();
                break;
            }
        }
        String rest = verb == null ? name : name.substring(verb.length());
        String noun = rest.isEmpty() ? null : noun(rest, ownNouns, language);
        String service = serviceName == null ? null : serviceName.in(language);
        if (language == Language.JA) {
            String what = verbText == null ? noun + "の操作" : noun == null ? verbText.ja() : noun + "の" + verbText.ja();
            return service == null ? what : service + " の" + spaceBeforeLatin(what);
        }
        String what = verbText == null ? noun + " call" : noun == null ? verbText.en() : noun + " " + verbText.en();
        return service == null ? capitalise(what) : service + " " + what;
    }

    private String noun(String rest, Map<String, Text> ownNouns, Language language) {
        Text known = ownNouns.get(rest);
        if (known == null) {
            known = nouns.get(rest);
        }
        if (known != null) {
            return known.in(language);
        }
        // the longest known tail: "DBSnapshotAttribute" → "DB スナップショット" + … is not attempted; words it is
        return String.join(" ", camelWords(rest));
    }

    /** "DBSnapshotAttribute" → [DB, Snapshot, Attribute]; "FlowLogs" → [Flow, Logs]. */
    static List<String> camelWords(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = s.charAt(i - 1);
            boolean boundary = Character.isUpperCase(c) && (Character.isLowerCase(prev)
                    || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)) && Character.isUpperCase(prev)))
                    || (Character.isDigit(c) != Character.isDigit(prev) && Character.isLetter(prev) && Character.isLowerCase(prev));
            if (boundary) {
                out.add(s.substring(start, i));
                start = i;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** 「EC2 の Flow Logs の削除」: a space between Latin words and Japanese, as the catalog writes phrases. */
    private static String spaceBeforeLatin(String s) {
        if (s.isEmpty() || !isLatin(s.charAt(0))) {
            return s;
        }
        StringBuilder b = new StringBuilder(" ");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && isLatin(s.charAt(i - 1)) && !isLatin(c) && c != ' ') {
                b.append(' ');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isLatin(char c) {
        return c < 0x3000 && (Character.isLetterOrDigit(c));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
