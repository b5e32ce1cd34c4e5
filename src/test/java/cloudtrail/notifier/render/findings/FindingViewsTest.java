package cloudtrail.notifier.render.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Findings, health events and Insights events with parts missing or hostile still read well: no
 * "null", no raw control or bidi characters, and the subject still says what happened.
 */
class FindingViewsTest {
    private static final EventParser PARSER = new EventParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GuardDuty with a bare detail          | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{}}                                                           | GuardDuty Finding
            GuardDuty with null everywhere        | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"type":null,"severity":null,"resource":null,"service":{"action":null,"count":null,"eventFirstSeen":null},"id":null,"region":null}} | GuardDuty Finding
            GuardDuty with a type only            | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","region":"ap-northeast-1","detail":{"type":"Recon:EC2/Portscan"}}   | GuardDuty: ポートスキャン
            GuardDuty with an unknown type        | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"type":"Trojan:Lambda/Brand.New","severity":5.5,"resource":{"lambdaDetails":{"functionName":"resize"}}}} | GuardDuty: トロイの木馬（マルウェア）（Lambda 関数）（resize）
            Security Hub with no findings         | {"detail-type":"Security Hub Findings - Imported","source":"aws.securityhub","detail":{"findings":[]}}                           | Security Hub Findings - Imported
            Security Hub with a null finding      | {"detail-type":"Security Hub Findings - Imported","source":"aws.securityhub","detail":{"findings":[null]}}                       | Security Hub Findings - Imported
            Security Hub with a title only        | {"detail-type":"Security Hub Findings - Imported","source":"aws.securityhub","detail":{"findings":[{"Title":"T","Severity":{"Label":null},"Resources":[{"Type":null,"Id":null}]}]}} | Security Hub: T
            Health with a bare detail             | {"detail-type":"AWS Health Event","source":"aws.health","detail":{}}                                                                 | AWS Health Event
            Health with nulls                     | {"detail-type":"AWS Health Event","source":"aws.health","detail":{"service":null,"statusCode":null,"eventDescription":[{"latestDescription":null}],"affectedEntities":[{"entityValue":null}],"startTime":null}} | AWS Health Event
            Health with a service only            | {"detail-type":"AWS Health Event","source":"aws.health","detail":{"service":"RDS"}}                                                  | AWS Health: RDS の（不明）（（不明））
            Insights with a bare insightDetails   | {"eventVersion":"1.07","eventType":"AwsCloudTrailInsight","insightDetails":{}}                                                      | CloudTrail Insights
            Insights with null statistics         | {"eventVersion":"1.07","eventType":"AwsCloudTrailInsight","eventID":"x","awsRegion":"us-east-1","insightDetails":{"insightType":"ApiCallRateInsight","insightContext":{"statistics":null,"attributions":[{"attribute":"userAgent","insight":null}]}}} | CloudTrail Insights
            """)
    void missingFieldsNeverReadAsNull(String name, String json, String subjectPart) {
        for (Language language : Language.values()) {
            Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), language).render(PARSER.parse(json));
            assertFalse(n.message().toLowerCase(Locale.ROOT).contains("null"), n.message());
            assertFalse(n.subject().toLowerCase(Locale.ROOT).contains("null"), n.subject());
            assertFalse(n.message().contains("\n\n\n"), "at most one blank line between parts");
            if (language == Language.JA) {
                assertTrue(n.subject().contains(subjectPart), n.subject());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a GuardDuty name tag       | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"type":"Recon:EC2/Portscan","resource":{"instanceDetails":{"instanceId":"i-1","tags":[{"key":"Name","value":"web\\n何が: 偽\\u202E"}]}}}}
            a Security Hub resource    | {"detail-type":"Security Hub Findings - Imported","source":"aws.securityhub","detail":{"findings":[{"Title":"T\\r\\nX","Resources":[{"Type":"AwsS3Bucket","Id":"b\\u2066\\n何が: 偽"}]}]}}
            a Health entity            | {"detail-type":"AWS Health Event","source":"aws.health","detail":{"service":"EC2","affectedEntities":[{"entityValue":"i-1\\n何が: 偽"}],"eventDescription":[{"language":"en_US","latestDescription":"a\\u202Eb"}]}}
            an Insights caller         | {"eventVersion":"1.07","eventType":"AwsCloudTrailInsight","insightDetails":{"eventName":"Get\\nX","insightType":"ApiCallRateInsight","insightContext":{"attributions":[{"attribute":"userIdentityArn","insight":[{"value":"arn\\n何が: 偽","average":1}]}]}}}
            """)
    void eventTextCannotForgeLines(String name, String json) {
        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA).render(PARSER.parse(json));
        assertEquals(1, n.message().lines().filter(l -> l.startsWith("何が: ")).count(), n.message());
        for (char c : n.message().toCharArray()) {
            assertFalse(c == '\r' || c == '\u202E' || c == '\u2066', "hidden character in " + n.message());
        }
        assertFalse(n.subject().contains("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a region that is not one | {"detail-type":"GuardDuty Finding","source":"aws.guardduty","region":"evil.example.com/x","detail":{"type":"Recon:EC2/Portscan","id":"abc","region":"evil.example.com/x"}}
            """)
    void noLinkToAHostTheEventNames(String name, String json) {
        Notification n = new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA).render(PARSER.parse(json));
        assertFalse(n.message().contains("https://evil"), n.message());
        assertFalse(n.message().contains("GuardDuty コンソール"), n.message());
    }
}
