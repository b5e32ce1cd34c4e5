package cloudtrail.notifier.cli;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.ConfigurationException;
import cloudtrail.notifier.digest.DigestSettings;
import cloudtrail.notifier.event.InvalidEventException;
import cloudtrail.notifier.publish.BatchDelivery;
import cloudtrail.notifier.publish.BatchPreview;
import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.SnsMessage;
import cloudtrail.notifier.suppress.Suppressions;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `--digest`: the files as one batch from the queue, and what the function would publish for it. */
final class DigestCommand {
    interface Opener {
        InputStream open(String file) throws IOException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Notifier notifier;

    DigestCommand(PrintStream out, PrintStream err, Map<String, String> env, Notifier notifier) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.notifier = notifier;
    }

    int run(List<String> files, boolean json, Opener opener) {
        BatchPreview preview;
        try {
            DigestSettings settings = DigestSettings.fromEnvironment(env);
            Suppressions suppressions = Suppressions.fromEnvironment(env, notifier.parser().trees());
            DigestRenderer digests = new DigestRenderer(notifier.renderer());
            preview = new BatchPreview(notifier, digests, settings, suppressions);
        } catch (ConfigurationException e) {
            err.println(Main.NAME + ": " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        int status = Main.OK;
        List<BatchDelivery.Message> messages = new ArrayList<>();
        int[] refused = {0};
        for (String file : files) {
            try (InputStream in = opener.open(file)) {
                // a log file's records, or JSON Lines, are a batch's messages like separate files
                EventSource.read(file, in, notifier.parser().trees(), false, item -> {
                    try {
                        messages.add(new BatchDelivery.Message(item.label(), item.json(notifier.parser().trees())));
                    } catch (InvalidEventException e) {
                        // a record with a key twice has no bytes the batch could reject it by: refused here, as the batch would
                        err.println(Main.NAME + ": " + item.label() + ": " + Main.reason(e));
                        refused[0]++;
                    }
                });
            } catch (IOException e) {
                err.println(Main.NAME + ": " + file + ": " + Main.reason(e));
                status = Main.INPUT_ERROR;
            }
        }
        if (refused[0] > 0) {
            status = Main.INPUT_ERROR;
        }
        BatchPreview.Result result = preview.preview(messages);
        for (BatchDelivery.Rejected r : result.rejected()) {
            err.println(Main.NAME + ": " + r.messageId() + ": " + r.reason().replaceAll("[\\r\\n]+", " "));
            status = Main.INPUT_ERROR;
        }
        int n = result.notifications().size();
        for (int i = 0; i < n; i++) {
            Notification notification = result.notifications().get(i);
            List<String> from = result.messageIds().get(i).stream().distinct().toList();
            if (json) {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("notification", i + 1);
                from.forEach(line.putArray("files")::add);
                result.eventIds().get(i).forEach(line.putArray("eventIds")::add);
                SnsMessage.putParts(line, notification);
                out.print(notifier.parser().trees().write(line));
                out.print('\n');
            } else {
                if (i > 0) {
                    out.println();
                }
                String events = result.eventIds().get(i).size() == 1 ? "1 event" : result.eventIds().get(i).size() + " events";
                out.println("=== " + (i + 1) + "/" + n + ": " + events + " from " + shortList(from) + " ===");
                out.println(notification.subject());
                out.println();
                out.print(notification.message());
                if (!notification.message().endsWith("\n")) {
                    out.println();
                }
            }
        }
        Map<String, Integer> byPattern = new LinkedHashMap<>();
        result.suppressed().forEach(s -> byPattern.merge(s.pattern(), 1, Integer::sum));
        StringBuilder summary = new StringBuilder(Main.NAME + ": " + count(messages.size() + refused[0], "event") + ": "
                + count(n, "notification"));
        if (result.duplicates() > 0) {
            summary.append(", ").append(count(result.duplicates(), "repeated event")).append(" dropped");
        }
        byPattern.forEach((p, c) -> summary.append(", ").append(c).append(" suppressed by ").append(p));
        err.println(summary);
        return status;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String shortList(List<String> files) {
        return files.size() <= 3 ? String.join(", ", files) : String.join(", ", files.subList(0, 3)) + " and " + (files.size() - 3) + " more";
    }
}
