package cloudtrail.notifier.suppress;

import cloudtrail.notifier.catalog.EventPattern;
import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Activity that is expected and not worth a notification (a CI role, StackSets' execution role, Control
 * Tower), as EventBridge event patterns (SUPPRESSION_PATTERNS):
 * {@code [{"name": "ci", "pattern": {...}, "includeCritical": false}]}. A suppressed event is counted
 * and logged, never sent. A critical event is suppressed only by a pattern that says
 * {@code "includeCritical": true}: a CI role that turns off CloudTrail is still news.
 *
 * <p>Patterns are matched the way EventBridge matches them, with the catalog's matcher
 * ({@link EventPattern}), which knows every operator but {@code $or}: give each alternative its own entry.
 */
public final class Suppressions {
    public static final String SUPPRESSION_PATTERNS = "SUPPRESSION_PATTERNS";

    /** One entry. */
    public record Suppression(String name, EventPattern pattern, boolean includeCritical) {}

    private static final Suppressions NONE = new Suppressions(List.of());

    private final List<Suppression> entries;

    private Suppressions(List<Suppression> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Suppressions none() {
        return NONE;
    }

    /** @throws ConfigurationException naming SUPPRESSION_PATTERNS and the entry that is wrong */
    public static Suppressions fromEnvironment(Map<String, String> env, JsonTrees json) {
        String value = env.get(SUPPRESSION_PATTERNS);
        return value == null || value.isBlank() ? NONE : parse(value, json, SUPPRESSION_PATTERNS);
    }

    /** @param origin what to name in an error: the variable or the template parameter */
    public static Suppressions parse(String value, JsonTrees json, String origin) {
        JsonNode root;
        try {
            root = json.read(value);
        } catch (IOException e) {
            throw new ConfigurationException(origin + " is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new ConfigurationException(origin + " must be a JSON array of {\"name\", \"pattern\", \"includeCritical\"}");
        }
        List<Suppression> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode entry : root) {
            String where = origin + "[" + i++ + "]";
            if (!entry.isObject()) {
                throw new ConfigurationException(where + " must be an object with \"name\" and \"pattern\"");
            }
            for (var field : entry.properties()) {
                if (!Set.of("name", "pattern", "includeCritical").contains(field.getKey())) {
                    throw new ConfigurationException(where + " has an unknown field \"" + field.getKey()
                            + "\" (known: name, pattern, includeCritical)");
                }
            }
            String name = entry.path("name").isTextual() ? entry.path("name").asText().strip() : "";
            if (name.isEmpty() || name.length() > 64 || !name.matches("[A-Za-z0-9._-]+")) {
                throw new ConfigurationException(where + " needs a \"name\" of 1–64 letters, digits, '.', '_' or '-' "
                        + "(it is the metric's dimension and the log's field)");
            }
            if (!names.add(name)) {
                throw new ConfigurationException(where + ": the name \"" + name + "\" is used twice");
            }
            JsonNode critical = entry.path("includeCritical");
            if (!critical.isMissingNode() && !critical.isBoolean()) {
                throw new ConfigurationException(where + " (" + name + "): includeCritical must be true or false");
            }
            if (entry.path("pattern").has("$or")) {
                throw new ConfigurationException(where + " (" + name + "): $or is not supported here; give each alternative"
                        + " an entry of its own");
            }
            EventPattern pattern;
            try {
                pattern = EventPattern.compile(entry.get("pattern"));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + " (" + name + "): not an event pattern: " + e.getMessage());
            }
            entries.add(new Suppression(name, pattern, critical.asBoolean(false)));
        }
        return new Suppressions(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Suppression> entries() {
        return entries;
    }

    /** The first entry that suppresses this event at this severity. */
    public Optional<Suppression> match(JsonNode event, Severity severity) {
        for (Suppression s : entries) {
            if ((severity != Severity.CRITICAL || s.includeCritical()) && s.pattern().matches(event)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The first entry whose pattern matches, whatever the severity: for explaining why one did not apply. */
    public Optional<Suppression> patternMatch(JsonNode event) {
        return entries.stream().filter(s -> s.pattern().matches(event)).findFirst();
    }
}
