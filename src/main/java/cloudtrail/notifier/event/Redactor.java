package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Withholds secrets from an event before anything reads it: one pass over every value, at every depth,
 * at the parse boundary ({@link EventParser}), so no later code path can show what it never receives.
 * Returns a copy (the input is never changed; parts with nothing to withhold are shared) in which
 * <ul>
 *   <li>a value under a key that names a secret ({@link SecretKeys}) is replaced by {@link #WITHHELD}; a
 *       container's every text and number (true, false and null say nothing and stay), so its shape and
 *       what a pattern's {@code exists} sees stay the same;</li>
 *   <li>the value of a name/value pair whose name is a secret's ({@code {"name": "DB_PASSWORD", "value": …}},
 *       {@code {"parameterKey": "DbPassword", "parameterValue": …}}) is withheld the same way;</li>
 *   <li>in every text (and key): the user information of a URL ({@code scheme://user:pass@host} keeps
 *       scheme and host), the value of a secret's {@code key=value} in a connection string or query
 *       ({@code Password=…;}, {@code pwd=…}, {@code X-Amz-Signature=…}), and the value of a secret's key in
 *       JSON written as text, are replaced by the marker.</li>
 * </ul>
 * Nothing else changes: a policy document is not a secret, so the catalog's patterns and checks decide
 * as they would on the event as it arrived.
 */
public final class Redactor {
    /**
     * What a withheld value becomes. U+FDD0 and U+FDD1 are noncharacters: the redactor turns every one
     * it finds in an event into U+FFFD, so the marker only ever comes from here. The renderer shows it
     * as 「（秘匿のため非表示）」 / "(withheld: secret)" (render.SafeText).
     */
    public static final String WITHHELD = "\uFDD0withheld\uFDD1";
    private static final char OPEN = '\uFDD0';
    private static final char CLOSE = '\uFDD1';
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode WITHHELD_NODE = NODES.textNode(WITHHELD);

    /** key=value, the key starting a word; the value is found by hand after the match. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![A-Za-z0-9_.\\-])([A-Za-z][A-Za-z0-9_.\\-]*+)[ \\t]*+=[ \\t]*+");
    /** "key": in JSON written as text; the value is found by hand after the match. */
    private static final Pattern JSON_KEY = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.){1,100}+)\"[ \\t\\r\\n]*+:[ \\t\\r\\n]*+");

    private final SecretKeys keys;

    public Redactor() {
        this(SecretKeys.standard());
    }

    public Redactor(SecretKeys keys) {
        this.keys = keys;
    }

    /** Whether shown text holds a withheld value. */
    public static boolean isWithheld(String text) {
        return text != null && text.indexOf(OPEN) >= 0 && text.contains(WITHHELD);
    }

    /** The tree with its secrets withheld; the same node when there was nothing to withhold. */
    public JsonNode redact(JsonNode node) {
        return node == null ? null : visit(node);
    }

    private JsonNode visit(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            String redacted = text(text);
            return redacted == text ? node : NODES.textNode(redacted);
        }
        if (node.isObject()) {
            return object(node, false);
        }
        if (node.isArray()) {
            return array(node, false);
        }
        return node;
    }

    /** Every text and number in the subtree becomes the marker; true, false and null stay. */
    private JsonNode withhold(JsonNode node) {
        if (node.isObject()) {
            return object(node, true);
        }
        if (node.isArray()) {
            return array(node, true);
        }
        if (node.isNumber() || (node.isTextual() && !node.textValue().isEmpty()) || node.isBinary() || node.isPojo()) {
            return WITHHELD_NODE;
        }
        return node;
    }

    private JsonNode object(JsonNode node, boolean withheld) {
        Set<String> pairValues = withheld ? Set.of() : pairValues(node);
        // most objects hold no secret: copy only from the first field that changes
        ObjectNode copy = null;
        int seen = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); seen++) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode redacted = withheld || keys.isSecret(key) || pairValues.contains(key) ? withhold(value) : visit(value);
            String name = text(key);
            if (copy == null && (redacted != value || name != key)) {
                copy = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> before = node.fields();
                for (int i = 0; i < seen; i++) {
                    Map.Entry<String, JsonNode> unchanged = before.next();
                    copy.set(unchanged.getKey(), unchanged.getValue());
                }
            }
            if (copy != null) {
                copy.set(name, redacted);
            }
        }
        return copy == null ? node : copy;
    }

    private JsonNode array(JsonNode node, boolean withheld) {
        ArrayNode copy = null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            JsonNode redacted = withheld ? withhold(item) : visit(item);
            if (copy == null && redacted != item) {
                copy = NODES.arrayNode(node.size());
                for (int j = 0; j < i; j++) {
                    copy.add(node.get(j));
                }
            }
            if (copy != null) {
                copy.add(redacted);
            }
        }
        return copy == null ? node : copy;
    }

    /** The value fields of the object's name/value pairs whose name is a secret's. */
    private Set<String> pairValues(JsonNode node) {
        Set<String> out = null;
        for (SecretKeys.Pair pair : keys.pairs()) {
            JsonNode name = node.get(pair.name());
            if (name != null && name.isTextual() && node.has(pair.value()) && keys.isSecret(name.textValue())) {
                if (out == null) {
                    out = new HashSet<>(2);
                }
                out.add(pair.value());
            }
        }
        return out == null ? Set.of() : out;
    }

    /** The text with URL user information, secret assignments and secret JSON values withheld; the same instance when unchanged. */
    String text(String s) {
        String out = s;
        if (out.indexOf(OPEN) >= 0 || out.indexOf(CLOSE) >= 0) {
            out = out.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
        }
        if (out.contains("://")) {
            out = urlUserInfo(out);
        }
        if (out.indexOf('=') >= 0) {
            out = assignments(out);
        }
        if (out.indexOf('"') >= 0 && out.indexOf(':') >= 0) {
            out = jsonValues(out);
        }
        return out.equals(s) ? s : out;
    }

    /**
     * "scheme://user:pass@host/…" → "scheme://⟨withheld⟩@host/…". The user information ends at the last
     * "@" of the authority; a password with an unescaped "/" (user:pa/ss@host) still ends at an "@"
     * before the next white space, so it is withheld too (with the host: better too much than too little).
     */
    private static String urlUserInfo(String s) {
        Withholding out = new Withholding(s);
        int from = 0;
        while (true) {
            int scheme = s.indexOf("://", from);
            if (scheme < 0) {
                break;
            }
            int start = scheme + 3;
            int end = start;
            int authorityEnd = -1;
            int lastAtInAuthority = -1;
            int lastAt = -1;
            int firstColon = -1;
            while (end < s.length()) {
                char c = s.charAt(end);
                if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                    break;
                }
                if (authorityEnd < 0 && (c == '/' || c == '?' || c == '#')) {
                    authorityEnd = end;
                }
                if (c == '@') {
                    lastAt = end;
                    if (authorityEnd < 0) {
                        lastAtInAuthority = end;
                    }
                }
                if (c == ':' && firstColon < 0 && (lastAt < 0)) {
                    firstColon = end;
                }
                end++;
            }
            int at = lastAtInAuthority;
            if (at < 0 && lastAt >= 0 && firstColon >= 0 && firstColon < lastAt && !isPort(s, firstColon + 1, authorityEnd)) {
                at = lastAt; // user:pa/ss@host: a password with a slash in it
            }
            if (at > start) {
                out.withhold(start, at);
            }
            from = Math.max(end, start);
            if (from >= s.length()) {
                break;
            }
        }
        return out.text();
    }

    /** host:443/…: the colon starts a port, not a password. */
    private static boolean isPort(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * "Server=db;User Id=app;Password=hunter2;" → "…;Password=⟨withheld⟩;": the value of a key that names
     * a secret runs to the next ";" (or "&" when no ";" follows: a URL's query), line break or double
     * quote (so a password with spaces is withheld whole), or is the quoted or braced text that follows.
     */
    private String assignments(String s) {
        // The pattern is tried only where a key can end, at an "=": running it over every position of a
        // long text (an AWS Health description) cost more than the rest of rendering the event.
        Matcher m = ASSIGNMENT.matcher(s).useTransparentBounds(true);
        int lastSemicolon = s.lastIndexOf(';');
        Withholding out = new Withholding(s);
        int from = 0;
        for (int eq = s.indexOf('='); eq >= 0 && from < s.length(); eq = s.indexOf('=', Math.max(eq + 1, from))) {
            int keyEnd = eq;
            while (keyEnd > 0 && (s.charAt(keyEnd - 1) == ' ' || s.charAt(keyEnd - 1) == '\t')) {
                keyEnd--;
            }
            int start = keyEnd;
            while (start > 0 && isKeyChar(s.charAt(start - 1))) {
                start--;
            }
            if (start == keyEnd || start < from || !m.region(start, s.length()).lookingAt()) {
                continue;
            }
            int valueStart = m.end();
            from = valueStart; // a value that is not secret is read on: a URL in it may carry secrets of its own
            if (!keys.isSecret(m.group(1))) {
                continue;
            }
            int valueEnd = valueEnd(s, valueStart, lastSemicolon >= valueStart);
            if (valueEnd > valueStart) {
                from = valueEnd;
                out.withhold(valueStart, valueEnd);
            }
        }
        return out.text();
    }

    /** A character of an assignment's key, as ASSIGNMENT has it. */
    private static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }

    /** {"password": "…"} written as text (a template, a container definition): the value of a secret's key. */
    private String jsonValues(String s) {
        Matcher m = JSON_KEY.matcher(s);
        Withholding out = new Withholding(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            int valueStart = m.end();
            from = valueStart;
            if (valueStart >= s.length() || s.charAt(valueStart) == '{' || s.charAt(valueStart) == '['
                    || !keys.isSecret(m.group(1))) {
                continue;
            }
            int valueEnd = valueEnd(s, valueStart, null);
            if (valueEnd > valueStart) {
                from = valueEnd;
                out.withhold(valueStart, valueEnd);
            }
        }
        return out.text();
    }

    /**
     * Where a value that starts at {@code start} ends: a quoted value at its closing quote (a backslash
     * escapes), a braced one at its "}"; else, in a connection string, at ";", "&", a line break or a
     * double quote, in JSON at ",", "}", "]" or white space.
     */
    private static int valueEnd(String s, int start, Boolean semicolonsFollow) {
        boolean assignment = semicolonsFollow != null;
        if (start >= s.length()) {
            return start;
        }
        char first = s.charAt(start);
        if (first == '"' || first == '\'') {
            int i = start + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == first) {
                    return i + 1;
                }
                i++;
            }
            return s.length();
        }
        if (assignment && first == '{') {
            int close = s.indexOf('}', start);
            return close < 0 ? s.length() : close + 1;
        }
        boolean semicolons = assignment && semicolonsFollow; // Password=a&b; in a connection string
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (assignment ? (c == ';' || (c == '&' && !semicolons) || c == '\n' || c == '\r' || c == '"')
                    : (c == ',' || c == '}' || c == ']' || Character.isWhitespace(c))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The text with spans replaced by the marker, in order; copied only once a span is withheld. */
    private static final class Withholding {
        private final String text;
        private StringBuilder out;
        private int copied;

        Withholding(String text) {
            this.text = text;
        }

        void withhold(int start, int end) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(WITHHELD);
            copied = end;
        }

        String text() {
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }
}
