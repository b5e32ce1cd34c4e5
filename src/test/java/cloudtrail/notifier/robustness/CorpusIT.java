package cloudtrail.notifier.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real record renders, in both languages, within the limits and with the reader's facts right. */
class CorpusIT {
    private static final EventParser PARSER = new EventParser();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void everyRecordRendersSoundlyInBothLanguages() {
        List<JsonNode> records = Corpus.records();
        assertEquals(519, records.size(), "records in the corpus");
        NotificationRenderer japanese = new NotificationRenderer(TOKYO, Language.JA);
        NotificationRenderer english = new NotificationRenderer(NEW_YORK, Language.EN);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            JsonNode event = Corpus.wrap(record);
            for (NotificationRenderer renderer : List.of(japanese, english)) {
                ZoneId zone = renderer == japanese ? TOKYO : NEW_YORK;
                try {
                    Notification n = renderer.render(PARSER.parse(event));
                    for (String problem : Invariants.check(n, record, renderer.language(), zone)) {
                        failures.add("record " + (i + 1) + " (" + renderer.language() + "): " + problem);
                    }
                } catch (RuntimeException e) {
                    failures.add("record " + (i + 1) + " (" + renderer.language() + "): threw " + e);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
