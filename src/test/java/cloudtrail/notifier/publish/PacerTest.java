package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.config.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** However many publishes wait, no second holds more than the configured number. */
class PacerTest {
    /** A clock that moves only when the pacer sleeps (or the test says). */
    private static final class FakeTime implements Pacer.Time {
        long now = 5_000_000_000L;
        final List<Long> sent = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    @ParameterizedTest(name = "{0} per second")
    @ValueSource(ints = {1, 2, 5, 10})
    void noWindowOfOneSecondHoldsMoreThanTheRate(int perSecond) throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = new Pacer(perSecond, time);

        for (int i = 0; i < 200; i++) {
            pacer.await();
            time.sent.add(time.now);
        }

        for (int i = 0; i < time.sent.size(); i++) {
            int in = 0;
            for (int j = i; j < time.sent.size() && time.sent.get(j) < time.sent.get(i) + 1_000_000_000L; j++) {
                in++;
            }
            assertTrue(in <= perSecond, in + " in the second from publish " + i);
        }
    }

    @Test
    void theFirstPublishDoesNotWaitAndAQuietSpellIsNotSavedUp() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = new Pacer(2, time);

        pacer.await();
        assertEquals(5_000_000_000L, time.now, "no wait for the first");
        time.now += 60_000_000_000L; // a minute without publishes
        pacer.await();
        long afterQuiet = time.now;
        pacer.await();

        assertEquals(550_000_000L, time.now - afterQuiet, "the next one still waits its turn");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "11", "fast", "-1"})
    void aRateOutsideOneToTenStopsTheFunctionAtStart(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Pacer.fromEnvironment(Map.of(Pacer.MAX_PUBLISHES_PER_SECOND, value)));

        assertTrue(e.getMessage().startsWith("MAX_PUBLISHES_PER_SECOND='" + value + "'"), e.getMessage());
    }
}
