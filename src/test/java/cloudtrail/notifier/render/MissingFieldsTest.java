package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.event.EventParser;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an event lacks reads as "not available" in the reader's language, never as "null". */
class MissingFieldsTest {
    private static final EventParser PARSER = new EventParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an almost empty record               | {"eventVersion":"1.08","eventName":"DoIt"}
            every field null                     | {"eventVersion":null,"eventName":"DoIt","eventSource":null,"userIdentity":null,"eventTime":null,"awsRegion":null,"sourceIPAddress":null,"userAgent":null,"requestParameters":null,"responseElements":null,"eventID":null,"readOnly":null,"recipientAccountId":null}
            an envelope with a null detail       | {"version":"0","id":null,"detail-type":null,"source":null,"account":null,"time":null,"region":null,"resources":null,"detail":null}
            an empty object                      | {}
            an envelope of another service       | {"detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","detail":{"instance-id":null,"state":"stopped"}}
            """)
    void whatTheEventLacksIsLeftOutNotShownEmpty(String name, String json) {
        for (Language language : Language.values()) {
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(json));

            assertFalse(n.message().isBlank(), "a message is written even for an almost empty event");
            assertFalse(n.message().toLowerCase().contains("null"), n.message());
            assertFalse(n.subject().toLowerCase().contains("null"), n.subject());
            String[] lines = n.message().split("\n");
            for (int i = 1; i < lines.length; i++) {
                // only the first line may admit that the event does not say what happened
                assertFalse(lines[i].contains(Msg.NOT_AVAILABLE.in(language)), n.message());
            }
            for (String line : lines) {
                assertFalse(line.endsWith(":") && !line.startsWith(" ") && n.message().contains(line + "\n  - ") == false,
                        "a label with nothing after it: " + line);
            }
            assertFalse(n.message().contains("\n\n\n"), "at most one blank line between parts");
        }
    }

    /** An Insights event names nobody; one that carries a userIdentity (not CloudTrail's) says whom it names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no userIdentity, as CloudTrail writes it | {"eventVersion":"1.07","eventType":"AwsCloudTrailInsight","insightDetails":{"state":"End"}} |
            a userIdentity with only a type          | {"eventVersion":"1.07","eventType":"AwsCloudTrailInsight","insightDetails":{"state":"End"},"userIdentity":{"type":"value"}} | 誰が: value （情報なし）
            """)
    void anInsightsEventShowsWhoOnlyWhenItNamesSomebody(String name, String json, String whoLine) {
        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA).render(PARSER.parse(json));

        String actual = n.message().lines().filter(l -> l.startsWith("誰が: ")).findFirst().orElse(null);
        assertEquals(whoLine, actual, n.message());
    }
}
