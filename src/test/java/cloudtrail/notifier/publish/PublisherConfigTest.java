package cloudtrail.notifier.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.config.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class PublisherConfigTest {
    private static final String TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:notifications";

    @Test
    void readsTopicAndRegion() {
        PublisherConfig config = PublisherConfig.fromEnvironment(Map.of("TOPIC_ARN", TOPIC, "AWS_REGION", "ap-northeast-1"));

        assertEquals(TOPIC, config.topicArn());
        assertEquals(Region.AP_NORTHEAST_1, config.region());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", delimiter = '|', textBlock = """
            no topic            | NULL                                                | ap-northeast-1 | TOPIC_ARN is not set
            blank topic         | '  '                                                | ap-northeast-1 | TOPIC_ARN is not set
            not a topic ARN     | arn:aws:sqs:ap-northeast-1:123456789012:queue       | ap-northeast-1 | TOPIC_ARN='arn:aws:sqs
            a topic name only   | notifications                                       | ap-northeast-1 | TOPIC_ARN='notifications'
            no region           | arn:aws:sns:ap-northeast-1:123456789012:notifications | NULL         | AWS_REGION is not set
            """)
    void aMissingOrInvalidSettingFailsNamingTheVariable(String name, String topic, String region, String message) {
        Map<String, String> env = new HashMap<>();
        env.put("TOPIC_ARN", topic);
        env.put("AWS_REGION", region);

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PublisherConfig.fromEnvironment(env));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
