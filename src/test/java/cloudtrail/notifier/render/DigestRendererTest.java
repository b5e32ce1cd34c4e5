package cloudtrail.notifier.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.testing.Burst;
import cloudtrail.notifier.testing.Burst.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A burst in one notification, as the reader gets it. */
class DigestRendererTest {
    /** Separate from the per-event goldens (golden/ja, golden/en), which each belong to a sample event. */
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static List<Rendered> terraformBurst(Language language) throws IOException {
        Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), language));
        Burst burst = new Burst(21);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(burst.event("ec2-create-vpc.json", Actor.TERRAFORM));
        }
        events.add(burst.event("cloudtrail-stop-logging.json", Actor.TERRAFORM));
        events.add(burst.event("ec2-authorize-security-group-ingress.json", Actor.TERRAFORM));
        List<Rendered> rendered = new ArrayList<>();
        for (String e : events) {
            rendered.add(notifier.renderWithGist(notifier.parser().parse(e.getBytes(StandardCharsets.UTF_8))));
        }
        return rendered;
    }

    private static Notification digest(Language language) throws IOException {
        List<Rendered> events = terraformBurst(language);
        Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), language));
        return new DigestRenderer(notifier.renderer()).render(events, 1, 1);
    }

    @Test
    void theSubjectSaysWhoDidHowManyOfWhatAtTheWorstSeverity() throws IOException {
        Notification n = digest(Language.JA);

        assertEquals("【重大】Terraform による 8 件の変更（hanako.suzuki・111122223333）", n.subject());
        assertEquals("critical", n.messageAttributes().get("severity"));
        assertEquals("8", n.messageAttributes().get("digest"));
        assertEquals("111122223333", n.messageAttributes().get("account"));
    }

    @Test
    void aCriticalEventsReasonOpensTheBodyAndEveryEventHasItsLine() throws IOException {
        Notification n = digest(Language.JA);
        List<String> lines = n.message().lines().toList();

        assertTrue(lines.subList(0, 8).stream().anyMatch(l -> l.equals("重大な操作: 監査ログ・検知の停止や削除")), n.message());
        int list = lines.indexOf("一覧（重要度の高い順）:");
        assertTrue(lines.get(list + 1).startsWith("【重大】"), lines.get(list + 1));
        for (Rendered r : terraformBurst(Language.JA)) {
            assertEquals(1, lines.subList(list + 1, list + 9).stream().filter(l -> l.endsWith(r.gist().eventId())).count(),
                    r.gist().eventId());
        }
        assertTrue(Limits.publishedBytes(n) <= Limits.MAX_MESSAGE_BYTES);
    }

    @Test
    void japaneseDigestMatchesGoldenFile() throws IOException {
        check(digest(Language.JA), GOLDEN.resolve("digest").resolve("terraform.ja.txt"));
    }

    @Test
    void englishDigestMatchesGoldenFile() throws IOException {
        check(digest(Language.EN), GOLDEN.resolve("digest").resolve("terraform.en.txt"));
    }

    /** A burst's chat message: one thread with the actor's single events, and the critical event's next step. */
    @Test
    void theDigestsChatMessageMatchesGoldenFilesAndSharesTheActorsThread() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Language language : Language.values()) {
            Notification n = digest(language);
            com.fasterxml.jackson.databind.node.ObjectNode chat = ChatPayload.of(n);
            String actual = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(chat) + "\n";
            Path golden = GOLDEN.resolve("digest").resolve("terraform.chat." + language.name().toLowerCase() + ".json");
            if (UPDATE) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
            assertEquals(java.util.List.of(), cloudtrail.notifier.testing.JsonSchemaSubset.violations(
                    mapper.readTree(Path.of("src/test/resources/chat/custom-notification.schema.json").toFile()), chat));
            String single = terraformBurst(language).get(0).notification().about().thread();
            assertEquals(single, chat.path("metadata").path("threadId").asText(), "the digest and the actor's own events share a thread");
            assertTrue(chat.path("content").path("nextSteps").size() >= 1);
        }
    }

    private static void check(Notification n, Path golden) throws IOException {
        String actual = n.subject() + "\n\n" + n.message();
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
    }
}
