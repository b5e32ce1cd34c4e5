package cloudtrail.notifier.catalog;

import cloudtrail.notifier.event.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The catalog's files as they are in the source tree, for the tests that check all of them. */
final class CatalogFiles {
    static final Path DIR = Path.of("src", "main", "resources", "cloudtrail", "notifier", "catalog");
    static final Path CASES = Path.of("src", "test", "resources", "cloudtrail", "notifier", "catalog", "risk-cases");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Catalog CATALOG = Catalog.load(new JsonTrees());

    private CatalogFiles() {}

    static List<Path> serviceFiles() {
        return list(DIR.resolve("services"), ".json");
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every risk rule's pattern in the catalog, as JSON, with where it is. */
    static List<Located> patterns() {
        List<Located> out = new ArrayList<>();
        collect(read(DIR.resolve("general.json")).path("risks"), "general.json", out);
        for (Path file : serviceFiles()) {
            read(file).path("events").properties().forEach(e ->
                    collect(e.getValue().path("risks"), file.getFileName() + " " + e.getKey(), out));
        }
        return out;
    }

    record Located(String where, JsonNode pattern) {
        @Override
        public String toString() {
            return where + " " + pattern;
        }
    }

    private static void collect(JsonNode risks, String where, List<Located> out) {
        for (JsonNode r : risks) {
            if (r.has("pattern")) {
                out.add(new Located(where + " (" + r.path("reason").asText() + ")", r.get("pattern")));
            }
        }
    }

    /** Every risk case: {"case", "reason", "severity", "record"}. */
    static List<JsonNode> riskCases() {
        List<JsonNode> out = new ArrayList<>();
        for (Path file : list(CASES, ".jsonl")) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    if (!line.isBlank()) {
                        JsonNode c = MAPPER.readTree(line);
                        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("file", file.getFileName() + ":" + n);
                        out.add(c);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
