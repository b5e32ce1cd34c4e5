package cloudtrail.notifier.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The link to the event in the CloudTrail console of its region; none when the region is not one. */
class ConsoleLinkTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "NONE", delimiter = '|', textBlock = """
            ap-northeast-1   | 3982785c-eff1 | https://ap-northeast-1.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-1#/events/3982785c-eff1
            us-gov-west-1    | abc           | https://console.amazonaws-us-gov.com/cloudtrailv2/home?region=us-gov-west-1#/events/abc
            cn-north-1       | abc           | https://cn-north-1.console.amazonaws.cn/cloudtrailv2/home?region=cn-north-1#/events/abc
            us-east-1        | a b/c?d#e     | https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/a%20b%2Fc%3Fd%23e
            evil.com/x-1     | abc           | NONE
            ap-northeast-1/x | abc           | NONE
            us-east-         | abc           | NONE
            useast1          | abc           | NONE
            US-EAST-1        | abc           | NONE
            us-east-123      | abc           | NONE
            """)
    void linksOnlyToRealRegions(String region, String eventId, String expected) {
        assertEquals(expected, NotificationRenderer.consoleLink(region, eventId));
    }
}
