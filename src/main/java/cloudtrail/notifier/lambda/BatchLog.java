package cloudtrail.notifier.lambda;

import cloudtrail.notifier.publish.BatchDelivery;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The log records of one batch: a line per notification published, per event suppressed and per event
 * not delivered, then one summary whose counts are CloudWatch metrics in the embedded metric format
 * (namespace {@value #NAMESPACE}), as are the suppressions per pattern. Lambda's JSON log format passes our
 * records through as they are, and CloudWatch Logs turns their {@code _aws} blocks into metrics.
 */
final class BatchLog {
    static final String NAMESPACE = "CloudTrailNotifier";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String functionName;

    BatchLog(String functionName) {
        this.functionName = functionName == null || functionName.isBlank() ? "local" : functionName;
    }

    void write(BatchDelivery.Report report, Consumer<ObjectNode> out) {
        for (BatchDelivery.Sent sent : report.sent()) {
            ObjectNode line = line("INFO", sent.eventIds().size() > 1 ? "published a digest" : "published");
            line.put("snsMessageId", sent.messageId());
            line.put("severity", sent.severity());
            line.put("subject", sent.subject());
            if (sent.eventIds().size() == 1) {
                line.put("eventId", sent.eventIds().get(0));
                line.put("eventName", sent.eventNames().get(0));
            }
            ArrayNode ids = line.putArray("eventIds");
            sent.eventIds().forEach(ids::add);
            out.accept(line);
        }
        Map<String, Integer> byPattern = new LinkedHashMap<>();
        for (BatchDelivery.Suppressed s : report.suppressed()) {
            ObjectNode line = line("INFO", "suppressed: not sent");
            line.put("suppressionPattern", s.pattern());
            line.put("eventId", s.eventId());
            line.put("eventName", s.eventName());
            out.accept(line);
            byPattern.merge(s.pattern(), 1, Integer::sum);
        }
        for (BatchDelivery.Failed f : report.failed()) {
            ObjectNode line = line("ERROR", "not delivered, delivered again later: " + f.reason());
            line.put("eventId", f.eventId());
            ArrayNode ids = line.putArray("sqsMessageIds");
            f.messageIds().forEach(id -> ids.add(id));
            out.accept(line);
        }
        if (report.suppressionProblem() != null) {
            out.accept(line("ERROR", report.suppressionProblem().message()));
        }
        for (Map.Entry<String, Integer> p : byPattern.entrySet()) {
            ObjectNode line = line("INFO", "suppressed by " + p.getKey());
            line.put("SuppressionPattern", p.getKey());
            line.put("SuppressedEvents", p.getValue());
            metrics(line, new String[] {"FunctionName", "SuppressionPattern"}, "SuppressedEvents");
            out.accept(line);
        }
        ObjectNode summary = line(report.failedMessageIds().isEmpty() ? "INFO" : "WARN", "batch");
        summary.put("Messages", report.messages());
        summary.put("Events", report.events());
        summary.put("Notifications", report.sent().size());
        summary.put("Digests", report.sent().stream().filter(s -> s.eventIds().size() > 1).count());
        summary.put("DuplicateMessages", report.duplicates());
        summary.put("AlreadyPublished", report.alreadyPublished());
        summary.put("SuppressedEvents", report.suppressed().size());
        summary.put("FailedMessages", report.failedMessageIds().size());
        summary.put("RejectedMessages", report.rejected().size());
        metrics(summary, new String[] {"FunctionName"}, "Messages", "Events", "Notifications", "Digests", "DuplicateMessages",
                "AlreadyPublished", "SuppressedEvents", "FailedMessages", "RejectedMessages");
        out.accept(summary);
    }

    private ObjectNode line(String level, String message) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("timestamp", TIMESTAMP.format(Instant.now()));
        line.put("level", level);
        line.put("message", message);
        return line;
    }

    /** The embedded metric format's {@code _aws} block: these fields of the record are metrics. */
    private void metrics(ObjectNode line, String[] dimensions, String... names) {
        line.put("FunctionName", functionName);
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", Instant.now().toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode set = directive.putArray("Dimensions").addArray();
        for (String d : dimensions) {
            set.add(d);
        }
        ArrayNode metrics = directive.putArray("Metrics");
        for (String name : names) {
            metrics.addObject().put("Name", name).put("Unit", "Count");
        }
    }
}
