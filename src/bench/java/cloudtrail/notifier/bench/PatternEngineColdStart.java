package cloudtrail.notifier.bench;

import cloudtrail.notifier.catalog.EventPattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.event.ruler.Machine;

/**
 * One cold process: compile every risk pattern of the catalog and match one sample record, with the
 * catalog's own matcher ("ours") or with event-ruler ("ruler"), to choose the engine the function ships
 * by what it costs a cold start. Timed as a whole process from outside, pair by pair (README).
 */
public final class PatternEngineColdStart {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> patterns = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/cloudtrail/notifier/catalog/services"))) {
            for (Path f : files.toList()) {
                mapper.readTree(f.toFile()).path("events").forEach(e -> e.path("risks").forEach(r -> {
                    if (r.has("pattern")) {
                        patterns.add(r.get("pattern"));
                    }
                }));
            }
        }
        JsonNode record = mapper.readTree(Path.of("events/rds-snapshot-shared-with-another-account.json").toFile()).get("detail");
        int matched = 0;
        if (args[0].equals("ruler")) {
            Machine machine = new Machine();
            for (int i = 0; i < patterns.size(); i++) {
                machine.addRule("p" + i, patterns.get(i).toString());
            }
            matched = machine.rulesForJSONEvent(record.toString()).size();
        } else {
            for (JsonNode p : patterns) {
                matched += EventPattern.compile(p).matches(record) ? 1 : 0;
            }
        }
        System.out.println(args[0] + ": " + patterns.size() + " patterns, " + matched + " matched");
    }
}
