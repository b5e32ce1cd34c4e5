package cloudtrail.notifier.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/** Matches events against rules with event-ruler, the engine EventBridge itself uses. */
public final class RuleMatcher {
    private final Machine machine = new Machine();
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    public RuleMatcher(List<Rule> rules) {
        for (Rule rule : rules) {
            try {
                machine.addRule(rule.name(), rule.pattern().toString());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("rule " + rule.name() + ": invalid event pattern: " + e.getMessage(), e);
            }
            this.rules.put(rule.name(), rule);
        }
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rules whose pattern matches, in template order (state not considered). */
    public List<Rule> matching(String eventJson) {
        List<String> names;
        try {
            names = machine.rulesForJSONEvent(eventJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an event EventBridge could match: " + e.getMessage(), e);
        }
        List<Rule> out = new ArrayList<>();
        for (Rule rule : rules.values()) {
            if (names.contains(rule.name())) {
                out.add(rule);
            }
        }
        return out;
    }
}
