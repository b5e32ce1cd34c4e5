package cloudtrail.notifier.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.config.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Patterns read from the SSM parameter while the function runs: a change applies within the refresh time
 * without a new version, a failed read keeps the last good patterns, and a broken value suppresses nothing.
 */
class SuppressionSourceTest {
    private static final String CI = "[{\"name\": \"ci\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\"]}}}]";
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> reads = new ArrayList<>();
    private String value = CI;
    private RuntimeException failure;

    private SuppressionSource source() {
        return SuppressionSource.reading("/notifier/suppression", name -> {
            reads.add(name);
            if (failure != null) {
                throw failure;
            }
            return value;
        }, now::get, Duration.ofSeconds(60));
    }

    private static List<String> names(Suppressions s) {
        return s.entries().stream().map(Suppressions.Suppression::name).toList();
    }

    @Test
    void aChangedValueAppliesOnceTheRefreshTimeHasPassedAndNotBefore() {
        SuppressionSource source = source();
        assertEquals(List.of("ci"), names(source.current()));

        value = "[]";
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(List.of("ci"), names(source.current()), "not read again within the minute");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(List.of(), names(source.current()), "the removed pattern no longer suppresses");
        assertEquals(2, reads.size());
    }

    @Test
    void aSnapStartRestoreReadsAgainBeforeTheNextBatch() {
        SuppressionSource source = source();
        source.current();
        value = "[]";

        source.afterRestore();

        assertEquals(List.of(), names(source.current()));
    }

    @Test
    void aFailedReadKeepsTheLastGoodPatternsAndSaysSo() {
        SuppressionSource source = source();
        source.current();
        failure = new IllegalStateException("ThrottlingException");
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        assertEquals(List.of("ci"), names(source.current()));
        assertTrue(source.problem().message().startsWith("suppression patterns not refreshed"), source.problem().message());

        failure = null;
        source.current();
        assertNull(source.problem(), "read again at the next batch, and fine");
    }

    @Test
    void aBrokenValueSuppressesNothingRatherThanHidingEvents() {
        SuppressionSource source = source();
        source.current();
        value = "[{\"name\": \"ci\"}]";
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        assertEquals(List.of(), names(source.current()));
        assertTrue(source.problem().message().contains("nothing is suppressed until they are fixed"), source.problem().message());
    }

    @Test
    void theFirstReadMustSucceedNamingTheParameter() {
        failure = new IllegalStateException("ParameterNotFound");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> source().current());
        assertEquals("SUPPRESSION_PARAMETER=/notifier/suppression: ParameterNotFound", e.getMessage());

        failure = null;
        value = "not json";
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> source().current());
        assertTrue(bad.getMessage().startsWith("the SSM parameter /notifier/suppression is not JSON"), bad.getMessage());
    }
}
