package cloudtrail.notifier.lambda;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.publish.EventPublisher;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.publish.PublisherConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda function: one EventBridge event in, one notification on the topic out. Everything is
 * built once per execution environment; an event that cannot be delivered fails the invocation, so
 * Lambda retries it and then sends it to the dead-letter queue.
 *
 * <p>With SnapStart, {@link #beforeCheckpoint} renders a sample event and runs a publish up to the
 * point of sending, so a restored function starts with everything loaded.
 */
public final class Handler implements RequestStreamHandler, Resource {
    /** How much of a rejected input the log shows: enough to recognise it, not the whole payload. */
    private static final int PREVIEW_CHARS = 200;
    private static final String PRIMING_EVENT = "priming-event.json";

    private final EventPublisher publisher;
    private final JsonTrees json;

    public Handler() {
        this(System.getenv());
    }

    Handler(Map<String, String> env) {
        NotifierConfig config = NotifierConfig.fromEnvironment(env);
        // the SNS client takes longest to get ready: start it before anything else
        var sns = EventPublisher.startPublisher(PublisherConfig.fromEnvironment(env));
        Notifier notifier = new Notifier(config);
        this.json = notifier.parser().trees();
        this.publisher = new EventPublisher(notifier, sns);
        // The context holds resources weakly; Lambda keeps the handler, and with it this registration.
        Core.getGlobalContext().register(this);
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

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", delivery.eventId());
        response.put("messageId", delivery.messageId());
        json.write(response, output);
    }

    /** SnapStart: load everything a delivery needs, without delivering anything. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: credentials are read from the environment on every call
    }

    /**
     * Renders and serialises a sample event and primes the SNS client; publishes nothing.
     *
     * @return whether the SNS request got as far as the point of sending
     */
    boolean prime() {
        byte[] sample;
        try (InputStream in = Handler.class.getResourceAsStream(PRIMING_EVENT)) {
            if (in == null) {
                throw new IllegalStateException(PRIMING_EVENT + " is missing from the class path");
            }
            sample = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean primed = publisher.prime(sample);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", "priming");
        response.put("messageId", "priming");
        json.write(response);
        return primed;
    }

    private ObjectNode logLine(Context context, String message) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("message", message);
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        return line;
    }

    private void log(Context context, ObjectNode line, LogLevel level) {
        String text = json.write(line);
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
