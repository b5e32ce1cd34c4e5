package cloudtrail.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.event.EventParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudTrail never gives two events one eventID, and the function publishes an event ID once (the
 * ledger): two samples sharing one would make the second look like a repeat of the first.
 */
class SampleEventIdsTest {
    @Test
    void everySampleEventHasAnIdOfItsOwn() {
        EventParser parser = new EventParser();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : Fixtures.events()) {
            String id = parser.parse(Fixtures.read(file)).eventId();
            Path before = seen.putIfAbsent(id, file);
            assertEquals(null, before, file + " repeats the event ID " + id + " of " + before);
        }
    }
}
