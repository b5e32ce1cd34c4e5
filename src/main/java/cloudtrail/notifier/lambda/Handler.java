package cloudtrail.notifier.lambda;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.publish.EventPublisher;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.publish.PublisherConfig;
import cloudtrail.notifier.publish.SnsClients;
import cloudtrail.notifier.publish.SnsPublisher;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Lambda function: one EventBridge event in, one notification on the topic out. Everything is
 * built once per execution environment; an event that cannot be delivered fails the invocation, so
 * Lambda retries it and then sends it to the dead-letter queue.
 */
public final class Handler implements RequestStreamHandler {
    /** How much of a rejected input the log shows: enough to recognise it, not the whole payload. */
    private static final int PREVIEW_CHARS = 200;

    private final EventPublisher publisher;
    private final ObjectMapper mapper;

    public Handler() {
        this(System.getenv());
    }

    Handler(Map<String, String> env) {
        NotifierConfig config = NotifierConfig.fromEnvironment(env);
        PublisherConfig target = PublisherConfig.fromEnvironment(env);
        Notifier notifier = new Notifier(config);
        this.mapper = notifier.parser().mapper();
        this.publisher = new EventPublisher(notifier, new SnsPublisher(SnsClients.create(target.region()), target.topicArn()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        EventPublisher.Delivery delivery;
        try {
            delivery = publisher.deliver(event);
        } catch (InvalidEventException e) {
            ObjectNode line = logLine(context, "event rejected: " + e.getMessage());
            line.put("inputBytes", event.length);
            line.put("inputPreview", preview(event));
            log(context, line, LogLevel.ERROR);
            throw e;
        } catch (PublishException e) {
            log(context, logLine(context, e.getMessage()), LogLevel.ERROR);
            throw e;
        }
        ObjectNode line = logLine(context, "published");
        line.put("eventId", delivery.eventId());
        line.put("eventName", delivery.eventName());
        line.put("snsMessageId", delivery.messageId());
        log(context, line, LogLevel.INFO);

        ObjectNode response = mapper.createObjectNode();
        response.put("eventId", delivery.eventId());
        response.put("messageId", delivery.messageId());
        mapper.writeValue(output, response);
    }

    private ObjectNode logLine(Context context, String message) {
        ObjectNode line = mapper.createObjectNode();
        line.put("message", message);
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        return line;
    }

    private void log(Context context, ObjectNode line, LogLevel level) {
        String text = line.toString();
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text, level);
        } else {
            System.out.println(text);
        }
    }

    private static String preview(byte[] event) {
        String s = new String(event, 0, Math.min(event.length, PREVIEW_CHARS * 4), StandardCharsets.UTF_8);
        return s.length() > PREVIEW_CHARS ? s.substring(0, PREVIEW_CHARS) : s;
    }
}
