package cloudtrail.notifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {
    private static final EventParser PARSER = new EventParser();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ec2-run-instances.json                       , AWS API Call via CloudTrail
            organizations-create-account-result.json     , AWS Service Event via CloudTrail
            signin-root-console-login.json               , AWS Console Sign In via CloudTrail
            """)
    void readsEveryCloudTrailDetailType(String file, String detailType) {
        NotifierEvent event = PARSER.parse(Fixtures.event(file));

        CloudTrailEvent cloudTrail = assertInstanceOf(CloudTrailEvent.class, event);
        assertEquals(detailType, cloudTrail.envelope().detailType());
        assertTrue(cloudTrail.record().eventTime().isKnown());
    }

    @Test
    void aConsoleActionIsACloudTrailEvent() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("ec2-describe-instances.json"));
        event.put("detail-type", "AWS Console Action via CloudTrail");
        ((ObjectNode) event.get("detail")).put("eventType", "AwsConsoleAction");

        assertInstanceOf(CloudTrailEvent.class, PARSER.parse(event));
    }

    @Test
    void aBareRecordIsWrappedAsEventBridgeWould() throws Exception {
        // Given what the CloudTrail console shows: the record without the envelope
        byte[] bare = MAPPER.writeValueAsBytes(MAPPER.readTree(Fixtures.event("signin-root-console-login.json")).get("detail"));

        // When it is parsed
        CloudTrailEvent event = assertInstanceOf(CloudTrailEvent.class, PARSER.parse(bare));

        // Then the envelope is derived from the record
        assertEquals("aws.signin", event.envelope().source());
        assertEquals("AWS Console Sign In via CloudTrail", event.envelope().detailType());
        assertEquals("111122223333", event.envelope().account());
        assertEquals("us-east-1", event.envelope().region());
        assertEquals(event.record().eventTime(), event.envelope().time());
    }

    @Test
    void anyOtherEventBridgeEventIsKeptWithItsEnvelope() {
        OtherEvent event = assertInstanceOf(OtherEvent.class, PARSER.parse(Fixtures.event("guardduty-finding.json")));

        assertEquals("GuardDuty Finding", event.envelope().detailType());
        assertEquals(8.0, event.severity());
        assertEquals("UnauthorizedAccess:EC2/SSHBruteForce", event.type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all           | hello                 | not JSON
            truncated JSON            | {"detail-type": "x",  | not JSON
            an array                  | [1, 2]                | got a JSON array
            a string                  | "event"               | got a JSON string
            a number                  | 42                    | got a JSON number
            null                      | null                  | got JSON null
            empty input               | ''                    | empty input
            """)
    void inputThatIsNotAJsonObjectIsRejectedWithAReason(String name, String input, String reason) {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> PARSER.parse(input));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            true        | TRUE
            "true"      | TRUE
            "false"     | FALSE
            false       | FALSE
            null        | NULL
            "maybe"     | NULL
            {}          | NULL
            """)
    void readOnlyIsReadFromBooleansAndStrings(String value, String expected) {
        String json = "{\"eventVersion\":\"1.08\",\"eventName\":\"X\",\"eventSource\":\"x.amazonaws.com\",\"readOnly\":" + value + "}";

        CloudTrailEvent event = (CloudTrailEvent) PARSER.parse(json);

        assertEquals(expected.equals("NULL") ? null : Boolean.valueOf(expected.toLowerCase()), event.record().readOnly());
    }
}
