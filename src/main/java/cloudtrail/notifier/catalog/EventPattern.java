package cloudtrail.notifier.catalog;

import cloudtrail.notifier.event.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An EventBridge event pattern, matched the way EventBridge matches it, for the subset of the syntax the
 * catalog uses (see catalog/README.md). The function does not ship event-ruler (EventBridge's engine):
 * it would take the artifact over its size budget for a few dozen patterns; {@code
 * PatternConformanceTest} holds this matcher to event-ruler's answers instead. Nodes are shown with
 * {@link Json#text}: JsonNode.toString() needs databind's ObjectMapper, which the function does not ship.
 *
 * <p>Matching is array-consistent: the fields a nested pattern names must all be found in the same
 * element of an array of objects, as event-ruler's JSON matching does.
 */
public final class EventPattern {
    private final Map<String, Object> fields; // String -> EventPattern (nested) or List<Matcher>
    private final String source;

    private EventPattern(Map<String, Object> fields, String source) {
        this.fields = fields;
        this.source = source;
    }

    /** @throws IllegalArgumentException naming what is not supported or not well-formed */
    public static EventPattern compile(JsonNode pattern) {
        if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
            throw new IllegalArgumentException("a pattern is a non-empty JSON object: " + pattern);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        pattern.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                fields.put(e.getKey(), compile(v));
            } else if (v.isArray() && !v.isEmpty()) {
                List<Matcher> matchers = new ArrayList<>();
                v.forEach(m -> matchers.add(Matcher.of(m)));
                fields.put(e.getKey(), List.copyOf(matchers));
            } else {
                throw new IllegalArgumentException("'" + e.getKey() + "' must be an object or a non-empty array: " + v);
            }
        });
        return new EventPattern(fields, Json.text(pattern));
    }

    /** The pattern as JSON, for explaining why an event was ranked as it was. */
    @Override
    public String toString() {
        return source;
    }

    public boolean matches(JsonNode event) {
        if (event == null || event.isMissingNode() || (event.isArray() && event.isEmpty())) {
            return matchesAbsent();
        }
        if (event.isArray()) {
            for (JsonNode element : event) {
                if (matches(element)) {
                    return true;
                }
            }
            return false;
        }
        if (!event.isObject()) {
            // a value where the pattern expects fields under it: none of those fields exists
            return matchesAbsent();
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            JsonNode value = event.get(field.getKey());
            if (field.getValue() instanceof EventPattern nested) {
                if (!nested.matches(value)) {
                    return false;
                }
            } else {
                @SuppressWarnings("unchecked")
                List<Matcher> matchers = (List<Matcher>) field.getValue();
                if (!matchesLeaf(matchers, value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the pattern holds where none of its fields exists: only if each asks for absence. */
    private boolean matchesAbsent() {
        for (Object field : fields.values()) {
            if (field instanceof EventPattern nested) {
                if (!nested.matchesAbsent()) {
                    return false;
                }
            } else {
                @SuppressWarnings("unchecked")
                List<Matcher> matchers = (List<Matcher>) field;
                if (matchers.stream().noneMatch(m -> m instanceof Exists e && !e.present())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesLeaf(List<Matcher> matchers, JsonNode value) {
        boolean absent = value == null || value.isMissingNode();
        if (absent) {
            return matchers.stream().anyMatch(m -> m instanceof Exists e && !e.present());
        }
        if (value.isObject()) {
            // EventBridge matches leaves: an object is no value, so only "exists": false holds for it
            return matchers.stream().anyMatch(m -> m instanceof Exists e && !e.present());
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return matchers.stream().anyMatch(m -> m instanceof Exists e && !e.present());
            }
            for (JsonNode element : value) {
                if (!element.isContainerNode() && matchesScalar(matchers, element)) {
                    return true;
                }
            }
            return false;
        }
        return matchesScalar(matchers, value);
    }

    private static boolean matchesScalar(List<Matcher> matchers, JsonNode value) {
        for (Matcher m : matchers) {
            if (m.test(value)) {
                return true;
            }
        }
        return false;
    }

    /** One alternative of a field: a literal or an operator object. */
    sealed interface Matcher {
        boolean test(JsonNode value);

        static Matcher of(JsonNode m) {
            if (m.isValueNode()) {
                return new Literal(m);
            }
            if (!m.isObject() || m.size() != 1) {
                throw new IllegalArgumentException("unsupported matcher: " + m);
            }
            String op = m.fieldNames().next();
            JsonNode arg = m.get(op);
            return switch (op) {
                case "prefix" -> arg.isObject() && arg.has("equals-ignore-case")
                        ? new Prefix(arg.get("equals-ignore-case").asText(), true) : new Prefix(text(arg, m), false);
                case "suffix" -> arg.isObject() && arg.has("equals-ignore-case")
                        ? new Suffix(arg.get("equals-ignore-case").asText(), true) : new Suffix(text(arg, m), false);
                case "equals-ignore-case" -> new IgnoreCase(text(arg, m));
                case "wildcard" -> new Wildcard(text(arg, m));
                case "exists" -> {
                    if (!arg.isBoolean()) {
                        throw new IllegalArgumentException("exists takes true or false: " + m);
                    }
                    yield new Exists(arg.booleanValue());
                }
                case "anything-but" -> new AnythingBut(anythingBut(arg, m));
                case "numeric" -> Numeric.of(arg, m);
                case "cidr" -> Cidr.of(text(arg, m));
                default -> throw new IllegalArgumentException("unsupported operator '" + op + "': " + m);
            };
        }

        private static String text(JsonNode arg, JsonNode m) {
            if (!arg.isTextual()) {
                throw new IllegalArgumentException("expects a string: " + m);
            }
            return arg.asText();
        }

        private static List<Matcher> anythingBut(JsonNode arg, JsonNode m) {
            List<Matcher> excluded = new ArrayList<>();
            if (arg.isArray()) {
                arg.forEach(v -> excluded.add(new Literal(v)));
            } else if (arg.isValueNode()) {
                excluded.add(new Literal(arg));
            } else if (arg.isObject() && arg.size() == 1) {
                Matcher inner = of(arg);
                if (!(inner instanceof Prefix || inner instanceof Suffix || inner instanceof IgnoreCase)) {
                    throw new IllegalArgumentException("anything-but takes values, prefix, suffix or equals-ignore-case: " + m);
                }
                excluded.add(inner);
            } else {
                throw new IllegalArgumentException("unsupported anything-but: " + m);
            }
            return List.copyOf(excluded);
        }
    }

    record Literal(JsonNode expected) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            if (expected.isNumber()) {
                return value.isNumber() && expected.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            if (expected.isNull()) {
                return value.isNull();
            }
            if (expected.isBoolean()) {
                return value.isBoolean() && value.booleanValue() == expected.booleanValue();
            }
            return value.isTextual() && value.asText().equals(expected.asText());
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && (ignoreCase ? value.asText().regionMatches(true, 0, prefix, 0, prefix.length())
                    : value.asText().startsWith(prefix));
        }
    }

    record Suffix(String suffix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            String s = value.asText();
            return ignoreCase ? s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length())
                    : s.endsWith(suffix);
        }
    }

    record IgnoreCase(String expected) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.asText().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A '*' glob, matched in linear time: the literal parts in order, the first anchored at the start and
     * the last at the end (the offensive-tool rules run 26 of these on every user agent).
     */
    record Wildcard(String glob, List<String> parts) implements Matcher {
        Wildcard(String glob) {
            this(glob, List.of(glob.split("\\*", -1)));
        }

        @Override
        public boolean test(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            String s = value.asText();
            if (parts.size() == 1) {
                return s.equals(parts.get(0));
            }
            String first = parts.get(0);
            String last = parts.get(parts.size() - 1);
            if (!s.startsWith(first) || s.length() < first.length() + last.length()) {
                return false;
            }
            int from = first.length();
            int end = s.length() - last.length();
            for (int i = 1; i < parts.size() - 1; i++) {
                String part = parts.get(i);
                int at = s.indexOf(part, from);
                if (at < 0 || at + part.length() > end) {
                    return false;
                }
                from = at + part.length();
            }
            return s.startsWith(last, end) && end >= from;
        }
    }

    record Exists(boolean present) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            return present; // a value is there; absence is handled by the caller
        }
    }

    record AnythingBut(List<Matcher> excluded) implements Matcher {
        @Override
        public boolean test(JsonNode value) {
            for (Matcher m : excluded) {
                if (m.test(value)) {
                    return false;
                }
            }
            // event-ruler matches anything-but of strings only against strings, of numbers against numbers
            boolean numbers = excluded.stream().allMatch(m -> m instanceof Literal l && l.expected().isNumber());
            return numbers ? value.isNumber() : value.isTextual() || value.isBoolean() || value.isNull() || value.isNumber();
        }
    }

    record Numeric(List<String> ops, List<Double> values) implements Matcher {
        static Numeric of(JsonNode arg, JsonNode m) {
            if (!arg.isArray() || (arg.size() != 2 && arg.size() != 4)) {
                throw new IllegalArgumentException("numeric takes [op, n] or [op, n, op, n]: " + m);
            }
            List<String> ops = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < arg.size(); i += 2) {
                String op = arg.get(i).asText();
                if (!List.of("=", "<", "<=", ">", ">=").contains(op) || !arg.get(i + 1).isNumber()) {
                    throw new IllegalArgumentException("unsupported numeric: " + m);
                }
                ops.add(op);
                values.add(arg.get(i + 1).doubleValue());
            }
            return new Numeric(List.copyOf(ops), List.copyOf(values));
        }

        @Override
        public boolean test(JsonNode value) {
            if (!value.isNumber()) {
                return false;
            }
            double v = value.doubleValue();
            for (int i = 0; i < ops.size(); i++) {
                double n = values.get(i);
                boolean ok = switch (ops.get(i)) {
                    case "=" -> v == n;
                    case "<" -> v < n;
                    case "<=" -> v <= n;
                    case ">" -> v > n;
                    default -> v >= n;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    record Cidr(BigInteger network, int bits, int length) implements Matcher {
        static Cidr of(String cidr) {
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("cidr needs a prefix length: " + cidr);
            }
            byte[] address = literal(cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address: " + cidr);
            }
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            return new Cidr(new BigInteger(1, address).shiftRight(address.length * 8 - bits), bits, address.length);
        }

        @Override
        public boolean test(JsonNode value) {
            byte[] address = value.isTextual() ? literal(value.asText()) : null;
            if (address == null || address.length != length) {
                return false;
            }
            return new BigInteger(1, address).shiftRight(address.length * 8 - bits).equals(network);
        }

        /** An IP literal's bytes, never a DNS look-up; null for anything else. */
        private static byte[] literal(String s) {
            boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
            if (!v4 && !v6) {
                return null;
            }
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
