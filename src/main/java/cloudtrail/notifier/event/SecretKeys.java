package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which keys hold secrets, by the rules of the catalog's secret-keys.json. A notification goes
 * to a mailing list, so a password or token that a client sent (or that a service echoed) must never be
 * copied into it. Names of secrets (secretId, tokenName, passwordPolicy, ...) are identifiers, not
 * secrets, and stay visible.
 */
public final class SecretKeys {
    static final String RESOURCE = "/cloudtrail/notifier/catalog/secret-keys.json";

    /** A name/value shape: in an object holding both fields, the value is withheld when the name is a secret's. */
    public record Pair(String name, String value) {}

    private final List<String> contains;
    private final Set<String> lastWords;
    private final Set<String> codeQualifiers;
    private final Set<String> identifiers;
    private final Set<String> collectionWords;
    private final List<Pair> pairs;
    /**
     * Answers already worked out. The same few hundred keys recur in every event, and splitting a key
     * into words was a fifth of the warm rendering time. Bounded: keys come from the event, whose
     * author may send any number of distinct ones.
     */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 4096;

    private SecretKeys(JsonNode root) {
        this.contains = strings(root, "contains");
        this.lastWords = Set.copyOf(strings(root, "lastWords"));
        this.codeQualifiers = Set.copyOf(strings(root, "codeQualifiers"));
        this.identifiers = Set.copyOf(strings(root, "identifiers"));
        this.collectionWords = Set.copyOf(strings(root, "collectionWords"));
        List<Pair> p = new ArrayList<>();
        for (JsonNode pair : root.path("pairs")) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new IllegalStateException("secret-keys.json: a pair is [name field, value field]: " + Json.text(pair));
            }
            p.add(new Pair(pair.get(0).textValue(), pair.get(1).textValue()));
        }
        this.pairs = List.copyOf(p);
    }

    private static final class Standard {
        static final SecretKeys RULES = load(new JsonTrees());
    }

    /** The rules of the catalog's secret-keys.json. */
    public static SecretKeys standard() {
        return Standard.RULES;
    }

    static SecretKeys load(JsonTrees json) {
        try (InputStream in = SecretKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new SecretKeys(json.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode list = root.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalStateException("secret-keys.json: '" + field + "' is a list of words");
        }
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode word : list) {
            if (!word.isTextual() || word.textValue().isEmpty()) {
                throw new IllegalStateException("secret-keys.json: '" + field + "' holds words, not " + Json.text(word));
            }
            out.add(word.textValue().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** Whether the value under this key is a secret (also used for the name of a name/value pair). */
    public boolean isSecret(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        Boolean known = answers.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = decide(key);
        if (answers.size() < MAX_ANSWERS) {
            answers.put(key, secret);
        }
        return secret;
    }

    private boolean decide(String key) {
        List<String> words = words(key);
        if (words.isEmpty()) {
            return false;
        }
        String joined = String.join("", words);
        boolean secret = false;
        for (String word : contains) {
            if (joined.contains(word)) {
                secret = true;
                break;
            }
        }
        String last = words.get(words.size() - 1);
        if (!secret && lastWords.contains(last)) {
            secret = true;
        }
        if (!secret && last.equals("code") && words.size() > 1 && codeQualifiers.contains(words.get(words.size() - 2))) {
            secret = true;
        }
        if (!secret) {
            return false;
        }
        int end = words.size();
        while (end > 1 && collectionWords.contains(words.get(end - 1))) {
            end--;
        }
        return !identifiers.contains(words.get(end - 1));
    }

    /**
     * The key's words, lower case: split at punctuation, digits and case changes
     * ("DB_PASSWORD" → db, password; "MFACode" → mfa, code; "authenticationCode1" → authentication, code).
     */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        int n = key.length();
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!Character.isLetter(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char prev = key.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(key.charAt(i + 1));
                if (Character.isLowerCase(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(word, words);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
