package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Short descriptions of the calls people watch, keyed by event source and name (descriptions.tsv). */
public final class Descriptions {
    private static final String RESOURCE = "descriptions.tsv";

    private final Map<String, String[]> byCall;

    private Descriptions(Map<String, String[]> byCall) {
        this.byCall = byCall;
    }

    public static Descriptions load() {
        Map<String, String[]> map = new HashMap<>(512);
        try (InputStream in = Descriptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected 4 tab-separated columns");
                }
                map.put(key(cols[0], cols[1]), new String[] {cols[2], cols[3]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Descriptions(Map.copyOf(map));
    }

    /** The description of the call, or null when there is none. */
    public String describe(String eventSource, String eventName, Language language) {
        if (eventSource == null || eventName == null) {
            return null;
        }
        String[] texts = byCall.get(key(eventSource, eventName));
        return texts == null ? null : texts[language == Language.JA ? 0 : 1];
    }

    private static String key(String eventSource, String eventName) {
        return eventSource + ' ' + eventName;
    }
}
