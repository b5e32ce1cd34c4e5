package cloudtrail.notifier.lambda;

import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.publish.BatchDelivery.Message;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an invocation brings. Deployed, the function reads the rules' queue: Lambda's SQS event, whose
 * {@code Records[].body} is the EventBridge event exactly as EventBridge put it on the queue. Invoked
 * with one event (sam local invoke -e events/…, or a test), it handles that one event.
 */
sealed interface Input {
    /** An SQS batch: failures are reported by message ID. */
    record SqsBatch(List<Message> messages) implements Input {}

    /** One event: a failure fails the invocation. */
    record SingleEvent(byte[] event) implements Input {}

    String SQS = "aws:sqs";

    /**
     * An object whose {@code Records} are SQS messages is a batch; anything else is taken as one event
     * (and rejected later, with the event's own reasons, if it is not one).
     *
     * @throws InvalidEventException for an SQS record without a messageId or a body
     */
    static Input of(byte[] bytes, JsonTrees json) {
        if (!EventParser.opensWithRecords(bytes)) {
            return new SingleEvent(bytes);
        }
        JsonNode root;
        try {
            root = json.read(bytes);
        } catch (IOException e) {
            return new SingleEvent(bytes); // the event parser says what is wrong with it
        }
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty() || !SQS.equals(records.get(0).path("eventSource").asText())) {
            return new SingleEvent(bytes);
        }
        List<Message> messages = new ArrayList<>(records.size());
        int i = 0;
        for (JsonNode r : records) {
            String id = r.path("messageId").asText(null);
            JsonNode body = r.get("body");
            if (id == null || body == null || !body.isTextual()) {
                throw new InvalidEventException("SQS record " + i + " has no messageId or no body: not an event source mapping's batch");
            }
            messages.add(new Message(id, body.asText().getBytes(StandardCharsets.UTF_8)));
            i++;
        }
        return new SqsBatch(messages);
    }
}
