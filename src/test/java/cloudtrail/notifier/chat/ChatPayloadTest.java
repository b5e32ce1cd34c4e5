package cloudtrail.notifier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.ChatPayload;
import cloudtrail.notifier.render.Msg;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.testing.JsonSchemaSubset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chat part (Amazon Q's custom notification) of every sample, in both languages: byte for byte against
 * its golden file, within the schema (src/test/resources/chat/custom-notification.schema.json), and telling
 * who, where, when and the result, with next steps when it is critical. After an intended change, regenerate
 * with {@code .ci/with-jdk mvn test -Dtest=ChatPayloadTest -Dgolden.update=true} and review the diff.
 */
class ChatPayloadTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/chat");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode SCHEMA = schema();

    private static JsonNode schema() {
        try {
            return MAPPER.readTree(Path.of("src/test/resources/chat/custom-notification.schema.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> samples() {
        List<Arguments> cases = new ArrayList<>();
        for (Path p : Fixtures.events()) {
            for (Language language : Language.values()) {
                cases.add(Arguments.of(Fixtures.baseName(p) + " " + language.name().toLowerCase(), Fixtures.baseName(p), language));
            }
        }
        return cases.stream();
    }

    private static Notification render(String event, Language language) {
        Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), language));
        return notifier.render(Fixtures.event(event + ".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesItsGoldenFile(String name, String event, Language language) throws IOException {
        ObjectNode chat = ChatPayload.of(render(event, language));
        Path golden = GOLDEN.resolve(language.name().toLowerCase()).resolve(event + ".json");
        String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(chat) + "\n";
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + ": run with -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void fitsTheSchemaAndTellsWhoWhereWhenAndTheResult(String name, String event, Language language) {
        Notification n = render(event, language);
        ObjectNode chat = ChatPayload.of(n);

        assertEquals(List.of(), JsonSchemaSubset.violations(SCHEMA, chat));
        List<String> lines = chat.path("content").path("description").asText().lines().toList();
        for (Msg label : List.of(Msg.WHO, Msg.WHERE, Msg.WHEN, Msg.RESULT)) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(label.in(language) + ": ") && l.length() > label.in(language).length() + 2),
                    label + " in:\n" + String.join("\n", lines));
        }
        if (n.about().severity() == Severity.CRITICAL) {
            assertFalse(chat.path("content").path("nextSteps").isEmpty(), "a critical notification says what to do");
        }
        assertEquals(n.about().eventIds().get(0), chat.path("id").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudtrail.notifier.testing.OversizedEvents#cases")
    void anOversizedEventStillFitsTheSchema(String name, byte[] json, String eventId, String link) {
        for (Language language : Language.values()) {
            Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), language));
            ObjectNode chat = ChatPayload.of(notifier.render(json));

            assertEquals(List.of(), JsonSchemaSubset.violations(SCHEMA, chat), name);
        }
    }

    @Test
    void textFromTheEventCannotMentionTheChannelOrMakeALink() {
        String event = new String(Fixtures.event("cloudtrail-stop-logging.json"), StandardCharsets.UTF_8)
                .replace("taro.yamada@example.com", "<!channel> [open](https://evil.example) <https://evil.example|here>");
        Notifier notifier = new Notifier(new NotifierConfig(ZoneId.of("Asia/Tokyo"), Language.JA));
        ObjectNode chat = ChatPayload.of(notifier.render(event.getBytes(StandardCharsets.UTF_8)));
        String text = chat.toString();

        assertFalse(text.contains("<!channel>"), text);
        assertFalse(text.contains("](https://evil"), text);
        assertFalse(text.contains("<https://evil.example"), text);
        assertTrue(chat.path("content").path("description").asText().contains("＜!channel＞"), "shown, as plain text");
    }

    @Test
    void theSchemaCheckCatchesWhatAmazonQWouldDrop() {
        ObjectNode chat = ChatPayload.of(render("cloudtrail-stop-logging", Language.JA));
        ObjectNode broken = chat.deepCopy();
        broken.put("version", "1");
        ((ObjectNode) broken.get("content")).remove("description");
        ((ObjectNode) broken.get("content")).put("textType", "markdown");
        ((ObjectNode) broken.get("metadata")).put("eventType", "Stop Logging");

        List<String> violations = JsonSchemaSubset.violations(SCHEMA, broken);

        assertEquals(4, violations.size(), violations.toString());
    }
}
