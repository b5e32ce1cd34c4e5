package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;

/** One JSON object per input and line: exactly what would be published, with the file it came from. */
final class JsonFormat implements OutputFormat {
    private final JsonTrees json;

    JsonFormat(JsonTrees json) {
        this.json = json;
    }

    @Override
    public void write(PrintStream out, String file, Notification n, boolean first) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("file", file);
        line.put("subject", n.subject());
        line.put("message", n.message());
        ObjectNode attributes = line.putObject("messageAttributes");
        for (Map.Entry<String, String> a : n.messageAttributes().entrySet()) {
            attributes.put(a.getKey(), a.getValue());
        }
        out.print(json.write(line));
        out.print('\n');
    }
}
