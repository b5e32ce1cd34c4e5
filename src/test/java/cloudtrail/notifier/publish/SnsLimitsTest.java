package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.render.Limits;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import cloudtrail.notifier.testing.SnsStandIn;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What the renderer makes, published through the real SnsPublisher to a stand-in that enforces SNS's
 * rules as moto does not (testing.SnsStandIn): the message with its attributes within 262,144 bytes,
 * a subject of 1 to 100 characters without line breaks or control characters.
 */
class SnsLimitsTest {
    private static final String TOPIC = "arn:aws:sns:ap-northeast-1:111122223333:notifications";
    private static final EventParser PARSER = new EventParser();
    private static SnsStandIn sns;
    private static SnsClient client;
    private static SnsPublisher publisher;

    @BeforeAll
    static void start() throws Exception {
        sns = new SnsStandIn();
        client = SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        publisher = new SnsPublisher(client, TOPIC);
    }

    @AfterAll
    static void stop() {
        client.close();
        sns.close();
    }

    static Stream<Arguments> samples() {
        return Fixtures.events().stream().map(p -> Arguments.of(Fixtures.baseName(p), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void snsAcceptsEverySample(String name, Path sample) {
        for (Language language : Language.values()) {
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(Fixtures.read(sample)));

            assertNotNull(publisher.publish(n, name));
            assertEquals(n.message(), sns.accepted().getLast().message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudtrail.notifier.testing.OversizedEvents#cases")
    void snsAcceptsOversizedEventsWhichKeepTheirEventIdAndLink(String name, byte[] json, String eventId, String link) {
        for (Language language : Language.values()) {
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(json));

            assertNotNull(publisher.publish(n, eventId), "SNS took it");

            SnsStandIn.Published taken = sns.accepted().getLast();
            assertTrue(taken.bytes() <= SnsStandIn.MAX_PUBLISH_BYTES, taken.bytes() + " bytes");
            assertTrue(taken.message().contains(eventId), "the event ID survives");
            if (link != null) {
                assertTrue(taken.message().contains(link), "the link survives");
            }
        }
    }

    @Test
    void theStandInRefusesWhatSnsRefuses() {
        String body = "x".repeat(262_144 - 100);
        assertNotNull(client.publish(b -> b.topicArn(TOPIC).subject("s").message(body)
                .messageAttributes(Map.of("severity", attribute("info")))));
        var tooLong = assertThrows(software.amazon.awssdk.services.sns.model.SnsException.class,
                () -> client.publish(b -> b.topicArn(TOPIC).subject("s").message(body)
                        .messageAttributes(Map.of("eventName", attribute("y".repeat(100))))));
        assertTrue(tooLong.getMessage().contains("Message too long"), tooLong.getMessage());
        var noDefault = assertThrows(software.amazon.awssdk.services.sns.model.SnsException.class,
                () -> client.publish(b -> b.topicArn(TOPIC).messageStructure("json").message("{\"email\":\"m\"}")));
        assertTrue(noDefault.getMessage().contains("No default entry"), noDefault.getMessage());
        for (String subject : new String[] {"s".repeat(101), "a\nb", "a\u0007b"}) {
            PublishException bad = assertThrows(PublishException.class,
                    () -> publisher.publish(new Notification(subject, "m", Map.of()), "bad-subject"));
            assertTrue(bad.getMessage().contains("InvalidParameter: Invalid parameter: Subject"), bad.getMessage());
        }
    }

    /**
     * The mail text, the chat part and the machine part share SNS's 262,144 bytes. A text at the renderer's
     * most, made of what JSON escapes (quotes, backslashes, line breaks: twice over in the machine part),
     * still goes out: the machine part without the text, the text cut with a note.
     */
    @Test
    void thePartsFitTogetherEvenWhenTheTextIsAllEscapes() {
        String line = "\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\n";
        String body = line.repeat(Limits.MAX_TEXT_BYTES / line.length());
        Notification n = new Notification("【情報】s", body, Map.of("severity", "info"));

        assertNotNull(publisher.publish(n, "escapes"));

        SnsStandIn.Published taken = sns.accepted().getLast();
        assertTrue(taken.bytes() <= SnsStandIn.MAX_PUBLISH_BYTES, taken.bytes() + " bytes");
        assertEquals(java.util.Set.of("default", "email", "https", "sqs", "lambda"), taken.parts().keySet());
        assertTrue(taken.parts().get("default").startsWith(line), "the text, from its start");
        assertTrue(taken.parts().get("default").endsWith("］\n") || taken.parts().get("default").endsWith("]\n"),
                "the text cut with a note");
        assertTrue(!taken.parts().get("sqs").contains("\"message\""), "the machine part goes without the text");
    }

    private static software.amazon.awssdk.services.sns.model.MessageAttributeValue attribute(String value) {
        return software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
