package cloudtrail.notifier.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md: `doctor` never changes what it checks. Every AWS operation its code calls is a read
 * (Describe, Get, List): a call named after a write verb in the package fails this test.
 */
class DoctorReadsOnlyTest {
    private static final Pattern WRITE = Pattern.compile(
            "\\.((?:create|delete|update|put|send|start|stop|publish|subscribe|unsubscribe|tag|untag|attach|detach|modify|set|enable|disable|invoke|remove|add)[A-Z]\\w*)\\(");
    /** JDK and SDK builder methods that are not AWS operations. */
    private static final Set<String> NOT_OPERATIONS = Set.of("putIfAbsent", "addAll", "setAll");

    @Test
    void everyAwsCallTheDoctorMakesIsARead() throws Exception {
        Set<String> writes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cloudtrail/notifier/doctor"))) {
            for (Path file : files.toList()) {
                Matcher m = WRITE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!NOT_OPERATIONS.contains(m.group(1))) {
                        writes.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), writes);
    }
}
