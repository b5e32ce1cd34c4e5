package cloudtrail.notifier.testing;

import cloudtrail.notifier.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Real sample events (events/) grown past what SNS takes in one publish: thousands of resources,
 * findings or instances, and attribute values of 100,000 characters. Each case is the name, the
 * event JSON, and the event ID the notification must still show.
 */
public final class OversizedEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OversizedEvents() {}

    private static final String GUARDDUTY_LINK =
            "https://ap-northeast-1.console.aws.amazon.com/guardduty/home?region=ap-northeast-1#/findings?fId=7ac8f3e1b4d5967089a1b2c3d4e5f607";
    private static final String SECURITY_HUB_LINK =
            "https://ap-northeast-1.console.aws.amazon.com/securityhub/home?region=ap-northeast-1#/controls/S3.8";
    private static final String CLOUDTRAIL_LINK =
            "https://ap-northeast-1.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-1#/events/7570d776-efa3-48c1-a78d-89440d507dd5";

    /** name, event JSON (byte[]), event ID (String), the console link the notification must keep (String, or null for none). */
    public static Stream<Arguments> cases() {
        String long100k = "N".repeat(100_000);
        String tags100k = "\uDB40\uDC41".repeat(100_000); // U+E0041, a tag character: 4 bytes, shown as an escape
        return Stream.of(
                envelope("a GuardDuty finding with 10,000 S3 buckets", "guardduty-finding.json", GUARDDUTY_LINK, e -> {
                    ObjectNode resource = ((ObjectNode) e.get("detail")).putObject("resource");
                    resource.put("resourceType", "S3Bucket");
                    ArrayNode buckets = resource.putArray("s3BucketDetails");
                    for (int i = 0; i < 10_000; i++) {
                        buckets.addObject().put("name", "bucket-" + "b".repeat(50) + "-" + i)
                                .put("arn", "arn:aws:s3:::bucket-" + i).put("type", "Destination");
                    }
                }),
                envelope("an event of another sender with 50,000 resources", "guardduty-finding.json", null, e -> {
                    e.put("source", "com.example.inventory");
                    e.put("detail-type", "Inventory Changed");
                    e.set("detail", MAPPER.createObjectNode().put("change", "bulk"));
                    ArrayNode resources = e.putArray("resources");
                    for (int i = 0; i < 50_000; i++) {
                        resources.add("arn:aws:s3:::inventory-" + "r".repeat(80) + "-" + i);
                    }
                }),
                envelope("an event of another sender with 50,000 resources of 500 Japanese characters", "guardduty-finding.json", null, e -> {
                    e.put("source", "com.example.inventory");
                    e.put("detail-type", "在庫".repeat(100_000));
                    ArrayNode resources = e.putArray("resources");
                    for (int i = 0; i < 50_000; i++) {
                        resources.add("資源".repeat(250) + i);
                    }
                }),
                envelope("a Security Hub event with 1,000 findings of 100 resources", "securityhub-control-failed.json", SECURITY_HUB_LINK, e -> {
                    ArrayNode findings = (ArrayNode) e.get("detail").get("findings");
                    ObjectNode first = (ObjectNode) findings.get(0);
                    ArrayNode resources = first.putArray("Resources");
                    for (int r = 0; r < 100; r++) {
                        resources.addObject().put("Type", "AwsS3Bucket").put("Id", "arn:aws:s3:::bucket-" + r);
                    }
                    for (int i = 1; i < 1_000; i++) {
                        findings.add(first.deepCopy().put("Id", "finding-" + i));
                    }
                }),
                record("10,000 instances in a TerminateInstances", CLOUDTRAIL_LINK, d -> {
                    d.put("eventSource", "ec2.amazonaws.com");
                    d.put("eventName", "TerminateInstances");
                    ArrayNode items = d.putObject("requestParameters").putObject("instancesSet").putArray("items");
                    for (int i = 0; i < 10_000; i++) {
                        items.addObject().put("instanceId", "i-" + "0".repeat(200) + i);
                    }
                }),
                record("an event name and source of 100,000 characters", CLOUDTRAIL_LINK, d -> {
                    d.put("eventName", long100k);
                    d.put("eventSource", long100k);
                }),
                record("every attribute 100,000 tag characters, and 10,000 instances", null, d -> {
                    d.put("eventName", tags100k);
                    d.put("eventSource", tags100k);
                    d.put("awsRegion", tags100k);
                    d.put("recipientAccountId", tags100k);
                    ArrayNode items = d.putObject("requestParameters").putObject("instancesSet").putArray("items");
                    for (int i = 0; i < 10_000; i++) {
                        items.addObject().put("instanceId", "i-" + "あ".repeat(500) + i);
                    }
                }),
                record("an error message and user agent of 100,000 Japanese characters", CLOUDTRAIL_LINK, d -> {
                    d.put("errorCode", "AccessDenied");
                    d.put("errorMessage", "拒否".repeat(50_000));
                    d.put("userAgent", "あ".repeat(100_000));
                }));
    }

    private static Arguments envelope(String name, String sample, String link, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event(sample));
            change.accept(event);
            return Arguments.of(name, MAPPER.writeValueAsBytes(event), event.get("id").asText(), link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments record(String name, String link, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Fixtures.event("cloudtrail-stop-logging.json"));
            change.accept((ObjectNode) event.get("detail"));
            event.remove("account");
            return Arguments.of(name, MAPPER.writeValueAsBytes(event), event.get("detail").get("eventID").asText(), link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
