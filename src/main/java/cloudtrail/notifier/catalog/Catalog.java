package cloudtrail.notifier.catalog;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog (src/main/resources/cloudtrail/notifier/catalog, format in its README): read once, the
 * shared files at start-up and each service's file the first time one of its events arrives, so a
 * function that sees a handful of services reads a handful of files. A file that is not well-formed
 * fails loudly, naming the file and what is wrong.
 */
public final class Catalog {
    static final String BASE = "/cloudtrail/notifier/catalog/";
    private static final String SUFFIX = ".amazonaws.com";

    private final JsonTrees json;
    private final Map<String, Reason> reasons;
    private final List<RiskRule> general;
    private final Words words;
    private final Map<String, Text> regions;
    private final Map<String, Text> sharedKinds;
    private final UserAgents userAgents;
    private final Map<String, Optional<ServiceFile>> services = new ConcurrentHashMap<>();

    /** One service's file, read. */
    public record ServiceFile(String eventSource, Text name, Map<String, Text> kinds, Map<String, Text> nouns,
            Map<String, EventEntry> events) {}

    private Catalog(JsonTrees json) {
        this.json = json;
        this.reasons = readReasons(read("reasons.json"), "reasons.json");
        this.general = readRisks(read("general.json").path("risks"), "general.json", reasons);
        this.words = Words.of(read("words.json"));
        this.regions = readTexts(read("regions.json"), "regions.json");
        this.sharedKinds = readTexts(read("kinds.json"), "kinds.json");
        this.userAgents = UserAgents.of(read("user-agents.json"));
    }

    public UserAgents userAgents() {
        return userAgents;
    }

    public static Catalog load(JsonTrees json) {
        return new Catalog(json);
    }

    public Reason reason(String id) {
        Reason r = reasons.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no reason '" + id + "' in reasons.json");
        }
        return r;
    }

    /** Every reason, most important first within each severity (the order of reasons.json). */
    public List<Reason> reasons() {
        return List.copyOf(reasons.values());
    }

    public List<RiskRule> general() {
        return general;
    }

    public Words words() {
        return words;
    }

    public JsonTrees json() {
        return json;
    }

    /** "東京" for ap-northeast-1; null for a region the catalog does not name. */
    public Text region(String code) {
        return code == null ? null : regions.get(code);
    }

    /** The service's file, or empty when the catalog has none for it. */
    public Optional<ServiceFile> service(String eventSource) {
        if (eventSource == null || !eventSource.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return services.computeIfAbsent(eventSource, this::readService);
    }

    public Optional<EventEntry> event(String eventSource, String eventName) {
        if (eventName == null) {
            return Optional.empty();
        }
        return service(eventSource).map(s -> s.events().get(eventName));
    }

    /** A resource kind's name: from the service's own file, else the shared kinds.json; null if neither has it. */
    public Text kind(String eventSource, String kind) {
        Text own = service(eventSource).map(s -> s.kinds().get(kind)).orElse(null);
        return own != null ? own : sharedKinds.get(kind);
    }

    /** The service's name: its file's, else words.json's, else null. */
    public Text serviceName(String eventSource) {
        Optional<ServiceFile> file = service(eventSource);
        if (file.isPresent()) {
            return file.get().name();
        }
        return words.service(prefix(eventSource));
    }

    static String prefix(String eventSource) {
        if (eventSource == null) {
            return null;
        }
        return eventSource.endsWith(SUFFIX) ? eventSource.substring(0, eventSource.length() - SUFFIX.length()) : eventSource;
    }

    private Optional<ServiceFile> readService(String eventSource) {
        String name = "services/" + prefix(eventSource) + ".json";
        if (!name.matches("services/[a-z0-9.-]+\\.json") || Catalog.class.getResource(BASE + name) == null) {
            return Optional.empty();
        }
        return Optional.of(readServiceFile(read(name), name, reasons));
    }

    /** Reads one service file; public for the tests that check every file of the catalog. */
    public static ServiceFile readServiceFile(JsonNode root, String where, Map<String, Reason> reasons) {
        String eventSource = root.path("eventSource").asText(null);
        if (eventSource == null) {
            throw new IllegalArgumentException(where + ": no eventSource");
        }
        Map<String, Reason> known = new LinkedHashMap<>(reasons);
        known.putAll(readReasons(root.path("reasons"), where, reasons.size()));
        Map<String, EventEntry> events = new HashMap<>();
        root.path("events").properties().forEach(e -> {
            String at = where + " " + e.getKey();
            JsonNode spec = e.getValue();
            List<TargetSpec> targets = new ArrayList<>();
            for (JsonNode t : spec.path("targets")) {
                String path = t.path("path").asText(null);
                if (path == null) {
                    throw new IllegalArgumentException(at + ": a target needs a path: " + t);
                }
                targets.add(new TargetSpec(t.path("kind").asText(null), JsonPath.parse(path), t.path("format").asText(null)));
            }
            events.put(e.getKey(), new EventEntry(Text.of(spec, at), List.copyOf(targets),
                    readRisks(spec.path("risks"), at, known)));
        });
        return new ServiceFile(eventSource, Text.of(root.path("service"), where + " service"),
                readTexts(root.path("kinds"), where + " kinds"), readTexts(root.path("nouns"), where + " nouns"),
                Map.copyOf(events));
    }

    public Map<String, Reason> reasonsById() {
        return java.util.Collections.unmodifiableMap(reasons);
    }

    private static Map<String, Reason> readReasons(JsonNode root, String where) {
        return readReasons(root, where, 0);
    }

    private static Map<String, Reason> readReasons(JsonNode root, String where, int firstRank) {
        Map<String, Reason> out = new LinkedHashMap<>();
        int[] rank = {firstRank};
        root.properties().forEach(e -> {
            JsonNode r = e.getValue();
            String at = where + " " + e.getKey();
            Severity severity = Severity.fromAttribute(r.path("severity").asText(""));
            if (severity == null) {
                throw new IllegalArgumentException(at + ": severity must be critical, warning or info");
            }
            out.put(e.getKey(), new Reason(e.getKey(), severity, Text.of(r, at), Text.optional(r.get("next"), at + " next"),
                    rank[0]++, "keep".equals(r.path("onFailure").asText())));
        });
        return out;
    }

    private static List<RiskRule> readRisks(JsonNode risks, String where, Map<String, Reason> reasons) {
        List<RiskRule> out = new ArrayList<>();
        for (JsonNode r : risks) {
            String id = r.path("reason").asText(null);
            Reason reason = reasons.get(id);
            if (reason == null) {
                throw new IllegalArgumentException(where + ": unknown reason '" + id + "'");
            }
            try {
                EventPattern pattern = r.has("pattern") ? EventPattern.compile(r.get("pattern")) : null;
                Check check = r.has("check") ? Check.of(r.get("check")) : null;
                out.add(new RiskRule(reason, pattern, check, Text.optional(r.get("next"), where + " next")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + id + "): " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Text> readTexts(JsonNode root, String where) {
        Map<String, Text> out = new HashMap<>();
        root.properties().forEach(e -> out.put(e.getKey(), Text.of(e.getValue(), where + " " + e.getKey())));
        return Map.copyOf(out);
    }

    private JsonNode read(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("catalog file " + name + " is missing from the class path");
            }
            JsonNode root = json.read(in.readAllBytes());
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("catalog file " + name + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("catalog file " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
