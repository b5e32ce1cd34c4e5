package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON object per input and line: exactly what would be published, with the file it came from. Written
 * as UTF-8 straight into the output's buffer, not built as a tree, made a string and encoded again.
 */
final class JsonFormat implements OutputFormat {
    private final JsonTrees json;

    JsonFormat(JsonTrees json) {
        this.json = json;
    }

    @Override
    public void write(PrintStream out, String file, Notification n, boolean first) {
        try (JsonGenerator g = json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("subject", n.subject());
            g.writeStringField("message", n.message());
            g.writeObjectFieldStart("messageAttributes");
            for (Map.Entry<String, String> a : n.messageAttributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }
}
