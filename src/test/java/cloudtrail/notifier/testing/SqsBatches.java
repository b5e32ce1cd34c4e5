package cloudtrail.notifier.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lambda's SQS event, as its event source mapping builds it from the messages it received: one record
 * per message, with the body exactly as EventBridge put it on the queue (Lambda developer guide, "Using
 * Lambda with Amazon SQS", example standard queue message event).
 */
public final class SqsBatches {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SqsBatches() {}

    public static byte[] event(String queueArn, List<SqsQueue.Received> messages) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        long now = System.currentTimeMillis();
        for (SqsQueue.Received m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", Long.toString(now));
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
            r.putObject("messageAttributes");
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", "ap-northeast-1");
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
