package cloudtrail.notifier.cli;

import cloudtrail.notifier.event.JsonTrees;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.SnsMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * One JSON object per input and line: exactly what would be published, with the file it came from: the mail
 * ({@code subject}, {@code message}, {@code messageAttributes}), the chat part ({@code chat}) and the
 * machine part ({@code machine}), as the {@code sam local} dry run shows them ({@link SnsMessage#putParts}).
 * Written as UTF-8 straight into the output's buffer, with no flush, not made a string and encoded again.
 */
final class JsonFormat implements OutputFormat {
    private final JsonTrees json;

    JsonFormat(JsonTrees json) {
        this.json = json;
    }

    @Override
    public void write(PrintStream out, String file, Notification n, boolean first) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("file", file);
        SnsMessage.putParts(line, n);
        json.write(line, out);
        out.write('\n');
    }
}
