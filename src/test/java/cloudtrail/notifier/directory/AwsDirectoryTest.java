package cloudtrail.notifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.AccountNames;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Names looked up for a batch: never longer than the budget, never asked again too soon, never in the way. */
class AwsDirectoryTest {
    private static final Directory.UserRef HANAKO = new Directory.UserRef("d-9567a1b2c3", "c7a4f8e2-6071-70d3-5b1e-9f2a3c4d5e6f");
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void aBatchsAccountsAndPeopleAreLookedUpOnceAndKept() {
        AwsDirectory directory = new AwsDirectory(id -> {
            asked.incrementAndGet();
            return id.equals("111122223333") ? "本番" : null;
        }, user -> new Directory.Person("鈴木 花子", "hanako.suzuki"), now::get);

        directory.prefetch(List.of("111122223333", "444455556666"), List.of(HANAKO), Duration.ofSeconds(5));
        directory.prefetch(List.of("111122223333"), List.of(), Duration.ofSeconds(5));

        assertEquals("本番", directory.accountName("111122223333"));
        assertNull(directory.accountName("444455556666"), "an account without a name");
        assertEquals(new Directory.Person("鈴木 花子", "hanako.suzuki"), directory.person(HANAKO));
        assertEquals(2, asked.get(), "each account once");
    }

    @Test
    void aSlowLookupCostsTheBatchAtMostItsBudgetAndServesTheNextOne() throws Exception {
        AwsDirectory directory = new AwsDirectory(id -> {
            sleep(1_000);
            return "本番";
        }, user -> null, now::get);

        long start = System.nanoTime();
        directory.prefetch(List.of("111122223333"), List.of(), Duration.ofMillis(100));
        long took = (System.nanoTime() - start) / 1_000_000;

        assertTrue(took < 600, took + " ms");
        assertNull(directory.accountName("111122223333"), "shown by ID in this batch");
        Thread.sleep(1_300);
        assertEquals("本番", directory.accountName("111122223333"), "known by the next batch");
    }

    @Test
    void aDeniedLookupIsNotAskedAgainForAQuarterOfAnHour() {
        AwsDirectory directory = new AwsDirectory(id -> {
            asked.incrementAndGet();
            throw new IllegalStateException("AccessDeniedException");
        }, user -> null, now::get);

        directory.prefetch(List.of("111122223333"), List.of(), Duration.ofSeconds(5));
        directory.prefetch(List.of("111122223333"), List.of(), Duration.ofSeconds(5));
        assertEquals(1, asked.get());

        now.addAndGet(Duration.ofMinutes(16).toNanos());
        directory.prefetch(List.of("111122223333"), List.of(), Duration.ofSeconds(5));
        assertEquals(2, asked.get());
    }

    @Test
    void theNotificationShowsTheNamesItKnowsAndAccountNamesWin() {
        AwsDirectory directory = new AwsDirectory(id -> "org-name-" + id, user -> new Directory.Person("鈴木 花子", "hanako.suzuki"),
                now::get);
        directory.prefetch(List.of("111122223333"), List.of(HANAKO), Duration.ofSeconds(5));
        Notifier looked = new Notifier(NotifierConfig.fromEnvironment(Map.of()), () -> AccountNames.NONE, directory);
        Notifier named = new Notifier(NotifierConfig.fromEnvironment(Map.of()),
                () -> AccountNames.parse("111122223333=本番", "test"), directory);

        Notification n = looked.render(Fixtures.event("identity-center-user-call.json"));
        assertTrue(n.subject().endsWith("（hanako.suzuki・org-name-111122223333（111122223333））"), n.subject());
        assertTrue(n.message().contains("\n誰が: IAM Identity Center ユーザー 鈴木 花子（hanako.suzuki、ID c7a4f8e2-6071-70d3-5b1e-9f2a3c4d5e6f）\n"),
                n.message());
        assertTrue(named.render(Fixtures.event("identity-center-user-call.json")).subject().endsWith("・本番（111122223333））"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
