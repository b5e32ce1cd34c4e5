package cloudtrail.notifier.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.catalog.Catalog;
import cloudtrail.notifier.catalog.Words;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Over the 519 real records, the share of notifications that say in words what happened: the line
 * 何が names neither the API (StopLogging) nor any other API-like identifier (a verb in CamelCase,
 * as words.json knows verbs; product names such as CloudTrail or DynamoDB are words). Prints the share
 * and the calls that still fall short, and fails below 95%.
 */
class CorpusWordsIT {
    private static final double REQUIRED = 0.95;
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");
    private static final Words WORDS = Catalog.load(new JsonTrees()).words();

    @Test
    void atLeast95PercentOfSummariesSayInWordsWhatHappened() {
        NotificationRenderer renderer = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA);
        EventParser parser = new EventParser();
        List<JsonNode> records = Corpus.records();
        int inWords = 0;
        TreeSet<String> shortfalls = new TreeSet<>();
        for (JsonNode record : records) {
            var event = parser.parse(Corpus.wrap(record));
            Notification n = renderer.render(event);
            String what = n.message().lines().filter(l -> l.startsWith("何が: ")).findFirst().orElse("");
            String api = event instanceof CloudTrailEvent c && c.record().callName() != null ? Words.baseName(c.record().callName()) : null;
            boolean words = !what.isEmpty() && (api == null || !what.contains(api))
                    && WORD.matcher(what).results().noneMatch(m -> WORDS.looksLikeApiName(m.group()));
            if (words) {
                inWords++;
            } else {
                shortfalls.add(record.path("eventSource").asText() + " " + record.path("eventName").asText() + " → " + what);
            }
        }
        double share = (double) inWords / records.size();
        System.out.printf("summaries in words: %d of %d (%.1f%%)%n", inWords, records.size(), share * 100);
        shortfalls.forEach(s -> System.out.println("  not in words: " + s));
        assertTrue(share >= REQUIRED, String.format("%.1f%% of summaries say in words what happened, below %.0f%%:%n%s",
                share * 100, REQUIRED * 100, String.join("\n", new ArrayList<>(shortfalls))));
    }
}
