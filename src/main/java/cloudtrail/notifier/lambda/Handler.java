package cloudtrail.notifier.lambda;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.publish.EventPublisher;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.render.Notification;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda function: one EventBridge event in, one notification on the topic out. Everything is
 * built once per execution environment; an event that cannot be delivered fails the invocation, so
 * Lambda retries it and then sends it to the dead-letter queue.
 *
 * <p>With SnapStart, {@link #beforeCheckpoint} renders a sample event and runs a publish up to the
 * point of sending, so a restored function starts with everything loaded; {@link #afterRestore}
 * drops the credentials cached in the snapshot.
 */
public final class Handler implements RequestStreamHandler, Resource {
    /** How much of a rejected input the log shows: enough to recognise it, not the whole payload. */
    private static final int PREVIEW_CHARS = 200;
    private static final String PRIMING_EVENT = "priming-event.json";
    /** The runtime's own format for JSON log timestamps. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Mode mode;
    private final Notifier notifier;
    /** Absent in a dry run ({@link Mode.DryRun}), which has no topic to publish to. */
    private final EventPublisher publisher;
    private final JsonTrees json;

    public Handler() {
        this(System.getenv());
    }

    Handler(Map<String, String> env) {
        NotifierConfig config = NotifierConfig.fromEnvironment(env);
        this.mode = Mode.fromEnvironment(env);
        if (mode instanceof Mode.Publish publish) {
            // the SNS client takes longest to get ready: start it before anything else
            var sns = EventPublisher.startPublisher(publish.config());
            this.notifier = new Notifier(config);
            this.publisher = new EventPublisher(notifier, sns);
            // The context holds resources weakly; Lambda keeps the handler, and with it this registration.
            Core.getGlobalContext().register(this);
        } else {
            this.notifier = new Notifier(config);
            this.publisher = null;
        }
        this.json = notifier.parser().trees();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        if (mode instanceof Mode.DryRun dryRun) {
            preview(event, dryRun, output, context);
            return;
        }
        EventPublisher.Delivery delivery;
        try {
            delivery = publisher.deliver(event);
        } catch (InvalidEventException e) {
            logRejected(context, event, e);
            throw e;
        } catch (PublishException e) {

            log(context, logLine(context, LogLevel.ERROR, e.getMessage()), LogLevel.ERROR);
            throw e;
        }
        ObjectNode line = logLine(context, LogLevel.INFO, "published");
        line.put("eventId", delivery.eventId());
        line.put("eventName", delivery.eventName());
        line.put("snsMessageId", delivery.messageId());
        log(context, line, LogLevel.INFO);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", delivery.eventId());
        response.put("messageId", delivery.messageId());
        response.put("published", true);
        json.write(response, output);
    }

    /**
     * `sam local invoke` without a topic: the notification as the mail would read (subject, blank line,
     * message) in the log, where SAM CLI shows it, and in the response; nothing is published.
     */
    private void preview(byte[] event, Mode.DryRun dryRun, OutputStream output, Context context) throws IOException {
        NotifierEvent parsed;
        Notification notification;
        try {
            parsed = notifier.parser().parse(event);
            notification = notifier.render(parsed);
        } catch (InvalidEventException e) {
            logRejected(context, event, e);
            throw e;
        }
        byte[] mail = (notification.subject() + "\n\n" + notification.message() + "\n").getBytes(StandardCharsets.UTF_8);
        System.out.write(mail, 0, mail.length);
        System.out.flush();
        ObjectNode line = logLine(context, LogLevel.INFO, "not published: " + dryRun.reason());
        line.put("eventId", parsed.eventId());
        line.put("eventName", parsed.eventName());
        log(context, line, LogLevel.INFO);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", parsed.eventId());
        response.put("subject", notification.subject());
        response.put("message", notification.message());
        ObjectNode attributes = response.putObject("messageAttributes");
        notification.messageAttributes().forEach(attributes::put);
        response.put("published", false);
        json.write(response, output);
    }

    private void logRejected(Context context, byte[] event, InvalidEventException e) {
        ObjectNode line = logLine(context, LogLevel.ERROR, "event rejected: " + e.getMessage());
        line.put("inputBytes", event.length);
        line.put("inputPreview", preview(event));
        log(context, line, LogLevel.ERROR);
    }

    /**
     * SnapStart: load everything a delivery needs, without delivering anything. A rehearsal that fails
     * fails the snapshot, so a version that could not publish never goes live.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            prime();
        } catch (RuntimeException e) {
            log(null, logLine(null, LogLevel.ERROR, "SnapStart priming failed, the snapshot is refused: " + e.getMessage()),
                    LogLevel.ERROR);
            throw e;
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        publisher.afterRestore(); // registered only when publishing
    }

    /**
     * Renders and serialises a sample event and primes the SNS client; publishes nothing.
     *
     * @throws cloudtrail.notifier.publish.PrimingException when the SNS request did not get as far as
     *     the point of sending
     */
    void prime() {
        byte[] sample;
        try (InputStream in = Handler.class.getResourceAsStream(PRIMING_EVENT)) {
            if (in == null) {
                throw new IllegalStateException(PRIMING_EVENT + " is missing from the class path");
            }
            sample = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publisher.prime(sample);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", "priming");
        response.put("messageId", "priming");
        json.write(response);
        json.write(logLine(null, LogLevel.INFO, "priming")); // the log record's time formatting, too
    }

    /**
     * One log record in the structure Lambda documents for JSON logs (timestamp, level, message,
     * AWSRequestId), to which the caller adds its own fields.
     */
    private static ObjectNode logLine(Context context, LogLevel level, String message) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("timestamp", TIMESTAMP.format(Instant.now()));
        line.put("level", level.name());
        line.put("message", message);
        if (context != null && context.getAwsRequestId() != null) {
            line.put("AWSRequestId", context.getAwsRequestId());
        }
        return line;
    }

    /**
     * Written as bytes: the runtime's logger passes bytes through unformatted (still filtered by level),
     * whereas a String would be wrapped in the runtime's own JSON record with ours escaped inside its
     * "message", where Logs Insights cannot see eventId or snsMessageId as fields.
     */
    private void log(Context context, ObjectNode line, LogLevel level) {
        byte[] record = (json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(record, level);
        } else {
            System.out.write(record, 0, record.length);
            System.out.flush();
        }
    }

    /**
     * The start of a rejected input as text that is safe to log and to read: bytes that are not
     * well-formed UTF-8 appear as {@code \xC0}, control and bidirectional characters as {@code \u0000},
     * so the preview is itself valid UTF-8 with nothing hidden, whatever the input was.
     */
    static String preview(byte[] event) {
        StringBuilder out = new StringBuilder(PREVIEW_CHARS + 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(event, 0, Math.min(event.length, PREVIEW_CHARS * 4));
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        int[] shown = {0};
        while (shown[0] < PREVIEW_CHARS) {
            CoderResult r = decoder.decode(in, chars, true);
            chars.flip();
            appendVisible(out, chars, shown);
            chars.clear();
            if (!r.isError()) {
                break;
            }
            for (int i = 0; i < r.length() && shown[0] < PREVIEW_CHARS; i++, shown[0]++) {
                out.append(String.format("\\x%02X", in.get() & 0xFF));
            }
        }
        return out.toString();
    }

    private static void appendVisible(StringBuilder out, CharBuffer chars, int[] shown) {
        String s = chars.toString();
        for (int i = 0; i < s.length() && shown[0] < PREVIEW_CHARS; shown[0]++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean hidden = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F)
                    || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF
                    || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t");
            } else if (hidden) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
    }
}
