package cloudtrail.notifier.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.config.NotifierConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One style for every Japanese notification, checked on every sample: lines are "label: value", a list
 * under a label, or one blank line between the first part and the details; full-width brackets around
 * Japanese, never a half-width one against a Japanese character; no stray spaces; no 「（情報なし）」.
 */
class MessageStyleTest {
    private static final Pattern LINE = Pattern.compile("[^ :：][^:：]*?: \\S.*|[^ :：][^:：]*?:|  - \\S.*|  \\S.*|");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー]");
    private static final Pattern HALF_WIDTH_PAREN_AT_JAPANESE =
            Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]\\(|\\)[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern SPACE_AT_FULL_WIDTH_BRACKET = Pattern.compile("(?<!:) [（）「」【】]|[（「【] ");

    static Stream<Path> samples() {
        return Fixtures.events().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theJapaneseNotificationKeepsOneStyle(Path sample) {
        var n = new Notifier(NotifierConfig.fromEnvironment(Map.of("NOTIFY_LANGUAGE", Language.JA.code()))).render(Fixtures.read(sample));
        List<String> problems = new ArrayList<>();
        String[] lines = n.message().split("\n", -1);
        int blanks = 0;
        for (int i = 0; i < lines.length - 1; i++) { // the message ends with a line break
            String line = lines[i];
            if (!LINE.matcher(line).matches()) {
                problems.add("not a label line, list item or blank line: " + line);
            }
            if (line.isEmpty()) {
                blanks++;
            }
            if (line.endsWith(" ")) {
                problems.add("trailing space: " + line);
            }
            if (line.contains(Msg.NOT_AVAILABLE.in(Language.JA))) {
                problems.add("a line that says nothing: " + line);
            }
            if (line.stripLeading().contains("  ")) {
                problems.add("two spaces: " + line);
            }
            if (HALF_WIDTH_PAREN_AT_JAPANESE.matcher(line).find()) {
                problems.add("half-width bracket against Japanese: " + line);
            }
            if (SPACE_AT_FULL_WIDTH_BRACKET.matcher(line).find()) {
                problems.add("space beside a full-width bracket: " + line);
            }
        }
        if (blanks > 1) {
            problems.add(blanks + " blank lines: the first part and the details are parted by one");
        }
        String subject = n.subject();
        if (!subject.startsWith("【") || !JAPANESE.matcher(subject).find()) {
            problems.add("the subject does not lead with 【severity】: " + subject);
        }
        if (SPACE_AT_FULL_WIDTH_BRACKET.matcher(subject).find() || HALF_WIDTH_PAREN_AT_JAPANESE.matcher(subject).find()) {
            problems.add("bracket style in the subject: " + subject);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n\n" + subject + "\n\n" + n.message());
    }
}
