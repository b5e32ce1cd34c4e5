package cloudtrail.notifier.cli;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.doctor.DoctorCommand;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.publish.BatchDelivery;
import cloudtrail.notifier.publish.DynamoDbLedger;
import cloudtrail.notifier.publish.EventPublisher;
import cloudtrail.notifier.publish.Pacer;
import cloudtrail.notifier.publish.PublishException;
import cloudtrail.notifier.publish.Prepared;
import cloudtrail.notifier.publish.PrimingException;
import cloudtrail.notifier.publish.PublisherConfig;
import cloudtrail.notifier.publish.SnsPublisher;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.suppress.SuppressionSource;
import cloudtrail.notifier.suppress.Suppressions;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line: renders events exactly as the Lambda function would, so an operator can see the
 * notification before deploying anything.
 *
 * <pre>java -jar cloudtrail-notifier.jar [--json | --publish] FILE... | -</pre>
 */
public final class Main {
    static final int OK = 0;
    static final int PUBLISH_FAILED = 1;
    static final int INPUT_ERROR = 2;
    static final String NAME = "cloudtrail-notifier";
    static final String USAGE = """
            usage: java -jar cloudtrail-notifier.jar [--json | --publish [--dry-run] | --digest [--json]] FILE... | -
              Renders each EventBridge event (or bare CloudTrail record) in FILE as the notification
              the Lambda function would publish. "-" reads one event from standard input.
              --json      one JSON object per input and line: {"file", "subject", "message", "messageAttributes",
                          "chat" (Amazon Q's custom notification, the https part), "machine" (the sqs/lambda part)}
              --publish   publish to the SNS topic in TOPIC_ARN, as the Lambda function does
              --publish --dry-run  the same up to the network: each event rendered, its request signed and
                          answered in this process; nothing is sent (a check of the setup, or the training run of
                          a JDK ahead-of-time cache, README)
              --digest    the FILEs as one batch from the queue: what it would publish, in order (repeats
                          dropped, suppressed events counted, bursts by one actor as digests); nothing is sent.
                          With --json: {"notification", "files", "eventIds", "subject", "message", "messageAttributes",
                          "chat", "machine"}
            environment: NOTIFY_TIME_ZONE (default Asia/Tokyo), NOTIFY_LANGUAGE (ja or en, default ja);
              with --digest also DIGEST_THRESHOLD (default 5), DIGEST_WINDOW_SECONDS (0: no digests),
              SUPPRESSION_PATTERNS (as the template's SuppressionPatterns);
              with --publish also TOPIC_ARN, AWS_REGION, AWS credentials, and optionally AWS_ENDPOINT_URL_SNS;
              with --publish and DEDUP_TABLE (the stack's DeliveredEventsTable output), an event the function
              or an earlier run published is not sent again, and publishes are paced (MAX_PUBLISHES_PER_SECOND, default 2)
            usage: java -jar cloudtrail-notifier.jar rules [--template template.yaml] [--param NAME=VALUE]... FILE... | -
              Which of the template's EventBridge rules each event matches, or why none does.
            usage: java -jar cloudtrail-notifier.jar doctor [--stack NAME] [--region R] [--forwarder-stack NAME] [--template template.yaml]
              Checks, with your AWS credentials, what keeps a deployed stack silent; one line per check.""";

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Main(InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new Main(System.in, out, err, System.getenv()).run(args);
        out.flush();
        System.exit(status);
    }

    int run(String[] args) {
        if (args.length > 0 && args[0].equals("rules")) {
            return new RulesCommand(stdin, out, err).run(java.util.Arrays.asList(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("doctor")) {
            return new DoctorCommand(out, err, env).run(java.util.Arrays.asList(args).subList(1, args.length));
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(USAGE);
            return INPUT_ERROR;
        }
        if (options.help()) {
            out.println(USAGE);
            return OK;
        }
        Notifier notifier;
        EventPublisher publisher = null;
        BatchDelivery once = null;
        try {
            NotifierConfig config = NotifierConfig.fromEnvironment(env);
            // the SNS client takes longest to get ready: start it before anything else
            PublisherConfig target = options.publish() ? PublisherConfig.fromEnvironment(env) : null;
            Prepared<SnsPublisher> sns = target != null ? EventPublisher.startPublisher(target) : null;
            notifier = new Notifier(config);
            if (sns != null) {
                publisher = new EventPublisher(notifier, sns);
                String table = env.get(DynamoDbLedger.DEDUP_TABLE);
                if (table != null && !table.isBlank() && !options.dryRun()) {
                    // the function's ledger: an event it (or an earlier run) published is not sent again
                    once = new BatchDelivery(notifier, new DigestRenderer(notifier.renderer()), DigestSettings.OFF,
                            SuppressionSource.fixed(Suppressions.none()), DynamoDbLedger.start(table.trim(), target.region()), sns,
                            Pacer.fromEnvironment(env));
                }
            }
        } catch (ConfigurationException e) {
            err.println(NAME + ": " + e.getMessage());
            return INPUT_ERROR;
        }
        if (options.digest()) {
            return new DigestCommand(out, err, env, notifier).run(options.files(), options.json(), this::open);
        }
        if (once != null) {
            return publishOnce(options.files(), once);
        }
        OutputFormat format = options.json() ? new JsonFormat(notifier.parser().trees()) : new TextFormat();
        int[] worst = {OK};
        boolean[] first = {true};
        final EventPublisher publishing = publisher;
        for (String file : options.files()) {
            try (InputStream in = open(file)) {
                // --publish takes one event per file; rendering also reads log files and JSON Lines, record by record
                EventSource.read(file, in, notifier.parser().trees(), publishing != null, item -> {
                    try {
                        if (publishing != null && options.dryRun()) {
                            String subject = publishing.rehearse(item.json(notifier.parser().trees()));
                            out.println(item.label() + ": not sent (dry run): " + subject);
                        } else if (publishing != null) {
                            EventPublisher.Delivery d = publishing.deliver(item.json(notifier.parser().trees()));
                            out.println(item.label() + ": published as SNS message " + d.messageId() + " (event " + d.eventId() + ")");
                        } else {
                            format.write(out, item.label(), notifier.render(item.event(notifier.parser())), first[0]);
                            first[0] = false;
                        }
                    } catch (InvalidEventException e) {
                        err.println(NAME + ": " + item.label() + ": " + reason(e));
                        worst[0] = Math.max(worst[0], INPUT_ERROR);
                    } catch (PublishException | PrimingException e) {
                        err.println(NAME + ": " + item.label() + ": " + reason(e));
                        worst[0] = Math.max(worst[0], PUBLISH_FAILED);
                    }
                });
            } catch (IOException e) {
                err.println(NAME + ": " + file + ": " + reason(e));
                worst[0] = Math.max(worst[0], INPUT_ERROR);
            }
        }
        out.flush();
        return worst[0];
    }

    InputStream open(String file) throws IOException {
        if (file.equals("-")) {
            return stdin;
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        return Files.newInputStream(path);
    }

    /** `--publish` with DEDUP_TABLE: each event at most once, as the function publishes it, paced the same way. */
    private int publishOnce(List<String> files, BatchDelivery once) {
        int status = OK;
        for (String file : files) {
            BatchDelivery.Report report;
            try {
                report = once.deliver(List.of(new BatchDelivery.Message(file, read(file))), () -> Long.MAX_VALUE);
            } catch (IOException e) {
                err.println(NAME + ": " + file + ": " + reason(e));
                status = Math.max(status, INPUT_ERROR);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PUBLISH_FAILED;
            }
            if (!report.rejected().isEmpty()) {
                err.println(NAME + ": " + file + ": " + report.rejected().get(0).reason().replaceAll("[\\r\\n]+", " "));
                status = Math.max(status, INPUT_ERROR);
            } else if (!report.failed().isEmpty()) {
                err.println(NAME + ": " + file + ": " + report.failed().get(0).reason().replaceAll("[\\r\\n]+", " "));
                status = Math.max(status, PUBLISH_FAILED);
            } else if (!report.sent().isEmpty()) {
                BatchDelivery.Sent sent = report.sent().get(0);
                out.println(file + ": published as SNS message " + sent.messageId() + " (event " + sent.eventIds().get(0) + ")");
            } else {
                out.println(file + ": already published, not sent again (the ledger " + DynamoDbLedger.DEDUP_TABLE + " has it)");
            }
        }
        out.flush();
        return status;
    }

    byte[] read(String file) throws IOException {
        if (file.equals("-")) {
            return stdin.readAllBytes();
        }
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
    }

    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("[\\r\\n]+", " ");
    }
}
