package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from an event is shown on one line with every character visible. */
class SafeTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain text is left alone", "aws-cli/2.11.8 Python/3.11.3", "aws-cli/2.11.8 Python/3.11.3"),
                Arguments.of("Japanese is left alone", "山田 太郎", "山田 太郎"),
                Arguments.of("line feed", "a\nb", "a\\nb"),
                Arguments.of("carriage return and line feed", "a\r\n結果: 成功", "a\\r\\n結果: 成功"),
                Arguments.of("tab", "a\tb", "a\\tb"),
                Arguments.of("NUL and escape", "a\u0000b\u001b[31m", "a\\u0000b\\u001B[31m"),
                Arguments.of("DEL and C1 controls", "a\u007fb\u0085c", "a\\u007Fb\\u0085c"),
                Arguments.of("line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"),
                Arguments.of("right-to-left override", "invoice\u202Efdp.exe", "invoice\\u202Efdp.exe"),
                Arguments.of("isolates and marks", "\u2066a\u2069\u200F", "\\u2066a\\u2069\\u200F"),
                Arguments.of("zero-width space and BOM", "a\u200Bb\uFEFF", "a\\u200Bb\\uFEFF"),
                Arguments.of("lone high surrogate", "a\uD800b", "a\uFFFDb"),
                Arguments.of("lone low surrogate", "a\uDC00", "a\uFFFD"),
                Arguments.of("a surrogate pair is one character", "😀", "😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neutralisesWhatCouldForgeOrHideText(String name, String input, String expected) {
        assertEquals(expected, SafeText.line(input, 1_000, Language.JA));
    }

    static Stream<Arguments> cuts() {
        return Stream.of(
                Arguments.of("under the limit", "abc", 5, Language.JA, "abc"),
                Arguments.of("at the limit", "abcde", 5, Language.JA, "abcde"),
                Arguments.of("over the limit, Japanese note", "abcdefgh", 5, Language.JA, "abcde…［ここで省略: 全 8 文字］"),
                Arguments.of("over the limit, English note", "abcdefgh", 5, Language.EN, "abcde… [truncated: 8 characters in all]"),
                Arguments.of("never splits a surrogate pair", "😀😀😀", 2, Language.EN, "😀😀… [truncated: 3 characters in all]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cuts")
    void cutsLongTextWithAVisibleNote(String name, String input, int max, Language language, String expected) {
        assertEquals(expected, SafeText.line(input, max, language));
    }
}
