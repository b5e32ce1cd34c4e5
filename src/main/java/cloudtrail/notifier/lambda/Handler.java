package cloudtrail.notifier.lambda;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.publish.BatchDelivery;
import cloudtrail.notifier.publish.BatchPreview;
import cloudtrail.notifier.publish.Prepared;
import cloudtrail.notifier.publish.SnsPublisher;
import cloudtrail.notifier.publish.DynamoDbLedger;
import cloudtrail.notifier.publish.EventPublisher;
import cloudtrail.notifier.publish.Pacer;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.publish.RenewableCredentials;
import cloudtrail.notifier.publish.SsmParameterReader;
import cloudtrail.notifier.config.AccountNames;
import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.config.RefreshedSetting;
import cloudtrail.notifier.suppress.SuppressionSource;
import java.util.function.Function;
import java.util.function.Supplier;
import cloudtrail.notifier.suppress.Suppressions;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.SnsMessage;
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
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda function: a batch from the rules' queue in (Lambda's SQS event), notifications on the topic
 * out, each event at most once ({@link BatchDelivery}); what could not be delivered is reported by message,
 * so SQS delivers only those again and, after its retries, parks them in the dead-letter queue. One
 * EventBridge event given directly (sam local invoke, aws lambda invoke) is a batch of one whose failure
 * fails the invocation. Everything is built once per execution environment.
 *
 * <p>With SnapStart, {@link #beforeCheckpoint} renders a sample event and a digest, and runs a publish
 * and a ledger write up to the point of sending, so a restored function starts with everything loaded; {@link #afterRestore}
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
    private final BatchDelivery delivery;
    private final Prepared<DynamoDbLedger> ledger;
    private final DigestRenderer digests;
    private final DigestSettings digestSettings;
    private final SuppressionSource suppressions;
    /** Absent unless publishing with ACCOUNT_NAMES_PARAMETER: then NOTIFY_ACCOUNT_NAMES (in the config) is not used. */
    private final RefreshedSetting<AccountNames> accountNames;
    /** One credentials chain for every client (SNS, the ledger, SSM, the lookups): one fetch after a restore serves all. */
    private final RenewableCredentials credentials = new RenewableCredentials();
    private final BatchLog batchLog;
    private final JsonTrees json;

    public Handler() {
        this(System.getenv());
    }

    Handler(Map<String, String> env) {
        NotifierConfig config = NotifierConfig.fromEnvironment(env);
        this.mode = Mode.fromEnvironment(env);
        Mode.Publish publish = mode instanceof Mode.Publish p ? p : null;
        // the SNS and DynamoDB clients take longest to get ready: start them before anything else
        Prepared<SnsPublisher> sns = publish == null ? null : EventPublisher.startPublisher(publish.config(), credentials);
        this.ledger = publish == null ? null : DynamoDbLedger.start(publish.dedupTable(), publish.config().region(), credentials);
        // Deployed, the suppression patterns and account names are SSM parameters read while running. Under sam
        // local (a dry run) their names are only logical IDs: SUPPRESSION_PATTERNS and NOTIFY_ACCOUNT_NAMES then.
        Supplier<Function<String, String>> client = publish == null ? null : memo(
                () -> SsmParameterReader.create(publish.config().region(), credentials)::read);
        Function<String, String> read = name -> client.get().apply(name); // the client is built at the first read
        Supplier<Function<String, String>> ssm = () -> read;
        String namesParameter = env.get(AccountNames.ACCOUNT_NAMES_PARAMETER);
        this.accountNames = publish == null || namesParameter == null || namesParameter.isBlank() ? null
                : new RefreshedSetting<>(AccountNames.ACCOUNT_NAMES_PARAMETER, namesParameter.trim(), ssm.get(),
                        value -> AccountNames.parse(value, "the SSM parameter " + namesParameter.trim()), AccountNames.NONE,
                        "account names", "accounts are shown by ID", System::nanoTime, RefreshedSetting.refresh(env));
        Directory directory = publish == null ? Directory.NONE : Lookups.directory(env, publish.config().region(), credentials);
        this.notifier = new Notifier(config, accountNames == null ? config::accountNames : accountNames::current, directory);
        this.json = notifier.parser().trees();
        this.digestSettings = DigestSettings.fromEnvironment(env);
        this.suppressions = publish == null ? SuppressionSource.fixed(Suppressions.fromEnvironment(env, json))
                : SuppressionSource.fromEnvironment(env, json, ssm);
        this.digests = new DigestRenderer(notifier.renderer());
        if (publish != null) {
            this.publisher = new EventPublisher(notifier, sns);
            this.delivery = new BatchDelivery(notifier, digests, digestSettings, suppressions, ledger, sns,
                    Pacer.fromEnvironment(env), directory);
            // The context holds resources weakly; Lambda keeps the handler, and with it this registration.
            Core.getGlobalContext().register(this);
        } else {
            this.publisher = null;
            this.delivery = null;
        }
        this.batchLog = new BatchLog(env.get("AWS_LAMBDA_FUNCTION_NAME"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] bytes = input.readAllBytes();
        Input in;
        try {
            in = Input.of(bytes, json);
        } catch (InvalidEventException e) {
            logRejected(context, bytes, e);
            throw e;
        }
        if (mode instanceof Mode.DryRun dryRun) {
            switch (in) {
                case Input.SingleEvent single -> preview(single.event(), dryRun, output, context);
                case Input.SqsBatch batch -> previewBatch(batch, dryRun, output, context);
            }
            return;
        }
        LongSupplier remaining = () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
        switch (in) {
            case Input.SqsBatch batch -> {
                BatchDelivery.Report report = deliver(batch.messages(), remaining, context);
                ObjectNode response = JsonNodeFactory.instance.objectNode();
                var failures = response.putArray("batchItemFailures");
                report.failedMessageIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
                json.write(response, output);
            }
            case Input.SingleEvent single -> {
                BatchDelivery.Report report = deliver(List.of(new BatchDelivery.Message(null, single.event())), remaining,
                        context);
                if (!report.rejected().isEmpty()) {
                    throw new InvalidEventException(report.rejected().get(0).reason());
                }
                if (!report.failed().isEmpty()) {
                    throw new PublishException(report.failed().get(0).reason(), null);
                }
                ObjectNode response = JsonNodeFactory.instance.objectNode();
                if (!report.sent().isEmpty()) {
                    BatchDelivery.Sent sent = report.sent().get(0);
                    response.put("eventId", sent.eventIds().get(0));
                    response.put("messageId", sent.messageId());
                    response.put("published", true);
                } else {
                    response.put("published", false);
                    response.put("reason", report.suppressed().isEmpty() ? "already published"
                            : "suppressed by " + report.suppressed().get(0).pattern());
                }
                json.write(response, output);
            }
        }
    }

    private BatchDelivery.Report deliver(List<BatchDelivery.Message> messages, LongSupplier remaining, Context context) {
        BatchDelivery.Report report;
        try {
            report = delivery.deliver(messages, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while pacing publishes", e);
        }
        for (BatchDelivery.Rejected r : report.rejected()) {
            logRejected(context, r.body(), new InvalidEventException(r.reason()), r.messageId());
        }
        batchLog.write(report, line -> log(context, withRequestId(line, context), levelOf(line)));
        if (accountNames != null && accountNames.problem() != null) {
            log(context, logLine(context, LogLevel.ERROR, accountNames.problem().message()), LogLevel.ERROR);
        }
        return report;
    }

    /** The value, made once on first use. */
    private static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    private static LogLevel levelOf(ObjectNode line) {
        return LogLevel.valueOf(line.path("level").asText("INFO"));
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
        SnsMessage.putParts(response, notification); // as --json shows them
        response.put("published", false);
        json.write(response, output);
    }

    /** `sam local invoke` with an SQS batch and no topic: what the batch would publish, nothing published. */
    private void previewBatch(Input.SqsBatch batch, Mode.DryRun dryRun, OutputStream output, Context context) throws IOException {
        BatchPreview.Result result = new BatchPreview(notifier, digests, digestSettings, suppressions.current()).preview(batch.messages());
        StringBuilder mail = new StringBuilder();
        for (Notification n : result.notifications()) {
            mail.append(n.subject()).append("\n\n").append(n.message()).append("\n");
        }
        byte[] bytes = mail.toString().getBytes(StandardCharsets.UTF_8);
        System.out.write(bytes, 0, bytes.length);
        System.out.flush();
        log(context, logLine(context, LogLevel.INFO, "not published: " + dryRun.reason()), LogLevel.INFO);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        var list = response.putArray("notifications");
        for (Notification n : result.notifications()) {
            ObjectNode o = list.addObject();
            o.put("subject", n.subject());
            o.put("message", n.message());
        }
        var failures = response.putArray("batchItemFailures");
        result.rejectedMessageIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
        response.put("published", false);
        json.write(response, output);
    }

    private static ObjectNode withRequestId(ObjectNode line, Context context) {
        if (context != null && context.getAwsRequestId() != null && !line.has("AWSRequestId")) {
            line.put("AWSRequestId", context.getAwsRequestId());
        }
        return line;
    }

    private void logRejected(Context context, byte[] event, InvalidEventException e) {
        logRejected(context, event, e, null);
    }

    private void logRejected(Context context, byte[] event, InvalidEventException e, String sqsMessageId) {
        ObjectNode line = logLine(context, LogLevel.ERROR, "event rejected: " + e.getMessage());
        if (sqsMessageId != null) {
            line.put("sqsMessageId", sqsMessageId);
        }
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
        // registered only when publishing; the clients share this chain, so one renewal and one fetch serve them all
        credentials.renew();
        Thread.ofVirtual().name("credentials-after-restore").start(() -> {
            try {
                credentials.resolveCredentials();
            } catch (RuntimeException e) {
                // the first call that needs them fails with the reason
            }
        });
        suppressions.afterRestore();
        if (accountNames != null) {
            accountNames.afterRestore();
        }
        // the first batch after a restore needs fresh settings: read them now, beside its arrival, rather than
        // one after the other inside it (the batch waits for a read in progress; a failure is its own to report)
        Thread.ofVirtual().name("settings-after-restore").start(() -> {
            try {
                suppressions.current();
            } catch (RuntimeException e) {
                // the batch reads again and fails with the reason
            }
        });
        if (accountNames != null) {
            Thread.ofVirtual().name("account-names-after-restore").start(() -> {
                try {
                    accountNames.current();
                } catch (RuntimeException e) {
                    // likewise
                }
            });
        }
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
        publisher.rehearse(sample);
        ledger.get().prime();
        suppressions.current(); // reads the parameters: a version that cannot read them never goes live
        if (accountNames != null) {
            accountNames.current();
        }
        // the digest's path too: a burst is when the first invocation after a restore must be quick
        var rendered = notifier.renderWithGist(notifier.parser().parse(sample));
        digests.render(List.of(rendered, rendered), 1, 1);
        // and a batch as the queue hands it over: the SQS event read, the batch's intake (repeats, suppression),
        // its plan, the answer written; a preview publishes nothing and writes to no ledger
        if (Input.of(primingBatch(sample), json) instanceof Input.SqsBatch batch) {
            new BatchPreview(notifier, digests, digestSettings, suppressions.current()).preview(batch.messages());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putArray("batchItemFailures").addObject().put("itemIdentifier", "priming");
        json.write(answer);
        // afterRestore and the name lookups run on virtual threads: their machinery, loaded now, is not loaded
        // while the first batch after a restore waits
        try {
            Thread.ofVirtual().name("priming").start(() -> {}).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batchLog.write(new BatchDelivery.Report(0, 0, List.of(), List.of(), 0, 0, List.of(), List.of(), List.of(), null), line -> json.write(line));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("eventId", "priming");
        response.put("messageId", "priming");
        json.write(response);
        json.write(logLine(null, LogLevel.INFO, "priming")); // the log record's time formatting, too
    }

    /** Lambda's SQS event holding the sample twice (a repeat, as the queue can deliver one). */
    private byte[] primingBatch(byte[] sample) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        var records = event.putArray("Records");
        for (String id : List.of("priming-1", "priming-2")) {
            ObjectNode record = records.addObject();
            record.put("messageId", id);
            record.put("eventSource", Input.SQS);
            record.put("body", new String(sample, StandardCharsets.UTF_8));
        }
        return json.write(event).getBytes(StandardCharsets.UTF_8);
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
