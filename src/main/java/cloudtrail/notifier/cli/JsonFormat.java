package cloudtrail.notifier.cli;

import cloudtrail.notifier.render.Notification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** One JSON object per input and line: exactly what would be published, with the file it came from. */
final class JsonFormat implements OutputFormat {
    private final ObjectMapper mapper;

    JsonFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void write(PrintStream out, String file, Notification n, boolean first) {
        ObjectNode line = mapper.createObjectNode();
        line.put("file", file);
        line.put("subject", n.subject());
        line.put("message", n.message());
        ObjectNode attributes = line.putObject("messageAttributes");
        for (Map.Entry<String, String> a : n.messageAttributes().entrySet()) {
            attributes.put(a.getKey(), a.getValue());
        }
        try {
            out.print(mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
    }
}
