package cloudtrail.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample events shipped in events/, shared by the tests. */
public final class Fixtures {
    public static final Path EVENTS = Path.of("events");

    private Fixtures() {}

    public static List<Path> events() {
        try (Stream<Path> files = Files.list(EVENTS)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no sample events in " + EVENTS.toAbsolutePath());
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] event(String name) {
        return read(EVENTS.resolve(name));
    }

    /** "ssm-start-session.json" gives "ssm-start-session". */
    public static String baseName(Path path) {
        String name = path.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
