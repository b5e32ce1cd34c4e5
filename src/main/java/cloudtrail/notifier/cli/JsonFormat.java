package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.ChatPayload;
import cloudtrail.notifier.render.MachinePayload;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.SnsMessage;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON object per input and line: exactly what would be published, with the file it came from: the mail
 * ({@code subject}, {@code message}, {@code messageAttributes}), the chat part ({@code chat}) and the
 * machine part ({@code machine}). Written
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
            // what a chat channel (Amazon Q) and a program (an SQS or Lambda subscriber) would get
            g.writeFieldName("chat");
            json.write(g, ChatPayload.of(n));
            g.writeFieldName("machine");
            json.write(g, MachinePayload.of(n, SnsMessage.machineHasMessage(n)));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }
}
