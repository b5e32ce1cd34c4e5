package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.config.Language;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each GuardDuty finding type means and what to check first (catalog/findings/guardduty.json).
 * The knowledge is data so that a new finding type is one line of JSON. A type the file does not
 * list is described from its threat purpose ("Recon" → 偵察) and resource type ("EC2"), the two
 * parts GuardDuty's naming scheme (ThreatPurpose:ResourceType/ThreatFamily) always has.
 */
public final class GuardDutyCatalog {
    static final String RESOURCE = "/cloudtrail/notifier/catalog/findings/guardduty.json";

    /** Text in both languages. */
    public record Text(String ja, String en) {
        public String in(Language language) {
            return language == Language.JA ? ja : en;
        }
    }

    /** What a finding type means; listed is false when it came from the fallback by purpose. */
    public record Description(Text title, Text meaning, Text check, boolean listed) {}

    private record Purpose(Text name, Text meaning, Text check) {}

    private final Map<String, Description> types;
    private final Map<String, Purpose> purposes;
    private final Map<String, Text> resources;

    private GuardDutyCatalog(Map<String, Description> types, Map<String, Purpose> purposes, Map<String, Text> resources) {
        this.types = types;
        this.purposes = purposes;
        this.resources = resources;
    }

    /** Read the first time a GuardDuty finding arrives: most invocations are CloudTrail events that never need it. */
    private static final class Holder {
        static final GuardDutyCatalog INSTANCE = load();
    }

    public static GuardDutyCatalog get() {
        return Holder.INSTANCE;
    }

    static GuardDutyCatalog load() {
        JsonNode root;
        try (InputStream in = GuardDutyCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            root = new JsonTrees().read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Text> resources = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            resources.put(e.getKey(), text(e.getValue(), e.getKey()));
        }
        Map<String, Purpose> purposes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("purposes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            purposes.put(e.getKey(), new Purpose(text(p.path("name"), e.getKey()), text(p.path("meaning"), e.getKey()),
                    text(p.path("check"), e.getKey())));
        }
        Map<String, Description> types = new HashMap<>(512);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            String key = e.getKey();
            types.put(key, new Description(text(t.path("title"), key), text(t.path("meaning"), key),
                    text(t.path("check"), key), true));
        }
        return new GuardDutyCatalog(Map.copyOf(types), Map.copyOf(purposes), Map.copyOf(resources));
    }

    /** A catalog entry without both languages is a mistake in the file: fail at load, not at 3 a.m. */
    private static Text text(JsonNode node, String where) {
        String ja = node.path("ja").asText("");
        String en = node.path("en").asText("");
        if (ja.isBlank() || en.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + where + " lacks Japanese or English text");
        }
        return new Text(ja, en);
    }

    /** Every finding type the file lists. */
    public Set<String> types() {
        return new TreeSet<>(types.keySet());
    }

    /**
     * The description of a finding type: the file's own entry, or one composed from the purpose and
     * resource type, or null when the type does not even follow GuardDuty's naming scheme.
     */
    public Description describe(String type) {
        if (type == null) {
            return null;
        }
        Description listed = types.get(type);
        if (listed != null) {
            return listed;
        }
        int colon = type.indexOf(':');
        Purpose purpose = colon > 0 ? purposes.get(type.substring(0, colon)) : null;
        if (purpose == null) {
            return null;
        }
        int slash = type.indexOf('/', colon);
        Text resource = resources.get(slash > colon ? type.substring(colon + 1, slash) : type.substring(colon + 1));
        Text title = resource == null ? purpose.name()
                : new Text(purpose.name().ja() + "（" + resource.ja() + "）", purpose.name().en() + " (" + resource.en() + ")");
        return new Description(title, purpose.meaning(), purpose.check(), false);
    }
}
