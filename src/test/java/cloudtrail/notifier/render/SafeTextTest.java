package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /** Every character that renders as nothing, one class at a time: shown as an escape where it stands. */
    static Stream<Arguments> invisible() {
        return Stream.of(
                Arguments.of("zero-width joiner U+200D", "ops\u200D-admin", "ops\\u200D-admin"),
                Arguments.of("zero-width space, non-joiner, LRM, RLM U+200B-U+200F", "a\u200B\u200C\u200D\u200E\u200Fb",
                        "a\\u200B\\u200C\\u200D\\u200E\\u200Fb"),
                Arguments.of("word joiner U+2060", "ops\u2060-admin", "ops\\u2060-admin"),
                Arguments.of("invisible operators U+2061-U+2064", "a\u2061\u2062\u2063\u2064b", "a\\u2061\\u2062\\u2063\\u2064b"),
                Arguments.of("deprecated format characters U+206A-U+206F", "a\u206A\u206Fb", "a\\u206A\\u206Fb"),
                Arguments.of("Mongolian vowel separator U+180E", "ops\u180E-admin", "ops\\u180E-admin"),
                Arguments.of("Mongolian variation selector U+180B", "a\u180Bb", "a\\u180Bb"),
                Arguments.of("soft hyphen U+00AD", "ops\u00AD-admin", "ops\\u00AD-admin"),
                Arguments.of("combining grapheme joiner U+034F", "ops\u034F-admin", "ops\\u034F-admin"),
                Arguments.of("Arabic letter mark U+061C", "a\u061Cb", "a\\u061Cb"),
                Arguments.of("Hangul filler U+3164", "ops\u3164-admin", "ops\\u3164-admin"),
                Arguments.of("Hangul choseong filler U+115F", "ops\u115F-admin", "ops\\u115F-admin"),
                Arguments.of("Hangul jungseong filler U+1160", "ops\u1160-admin", "ops\\u1160-admin"),
                Arguments.of("halfwidth Hangul filler U+FFA0", "ops\uFFA0-admin", "ops\\uFFA0-admin"),
                Arguments.of("Khmer inherent vowel U+17B4", "a\u17B4b", "a\\u17B4b"),
                Arguments.of("a braille blank U+2800", "ops\u2800-admin", "ops\\u2800-admin"),
                Arguments.of("tag characters U+E0000-U+E007F", "ops\uDB40\uDC01\uDB40\uDC41\uDB40\uDC7F-admin",
                        "ops\\u{E0001}\\u{E0041}\\u{E007F}-admin"),
                Arguments.of("interlinear annotation U+FFF9-U+FFFB", "a\uFFF9b\uFFFAc\uFFFB", "a\\uFFF9b\\uFFFAc\\uFFFB"),
                Arguments.of("a variation selector after a letter", "ops\uFE00-admin\uFE0F", "ops\\uFE00-admin\\uFE0F"),
                Arguments.of("a variation selector from the supplement", "a\uDB40\uDD00b", "a\\u{E0100}b"),
                Arguments.of("the emoji style selector after a symbol is kept", "\u2764\uFE0F ok", "\u2764\uFE0F ok"),
                Arguments.of("an emoji ZWJ sequence is shown as its parts", "👩\u200D💻", "👩\\u200D💻"),
                Arguments.of("private use U+E000", "a\uE000b", "a\\uE000b"),
                Arguments.of("an unassigned code point U+0378", "a\u0378b", "a\\u0378b"),
                Arguments.of("a noncharacter U+FFFF", "a\uFFFFb", "a\\uFFFFb"),
                Arguments.of("business as usual: kana, kanji, hangul, accents, emoji", "ｵﾍﾟ 東京 한국 café 😀",
                        "ｵﾍﾟ 東京 한국 café 😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invisible")
    void showsInvisibleCharactersAsEscapes(String name, String input, String expected) {
        assertEquals(expected, SafeText.line(input, 1_000, Language.JA));
    }

    @Test
    void everyFormatCharacterIsEscaped() {
        List<String> shown = new ArrayList<>();
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR
                        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR || Character.getType(cp) == Character.CONTROL)
                .forEach(cp -> {
                    String out = SafeText.line("a" + Character.toString(cp) + "b", 100, Language.EN);
                    if (out.contains(Character.toString(cp))) {
                        shown.add(String.format("U+%04X", cp));
                    }
                });
        assertEquals(List.of(), shown, "format, separator or control characters shown as they are");
    }

    static Stream<Arguments> blanks() {
        return Stream.of(
                Arguments.of("three spaces are kept", "a   b", Language.JA, "a   b"),
                Arguments.of("300 spaces", "curl" + " ".repeat(300) + "結果: 成功", Language.JA, "curl[空白 ×300]結果: 成功"),
                Arguments.of("300 spaces, in English", "curl" + " ".repeat(300) + "Result: Succeeded", Language.EN,
                        "curl[300 blanks]Result: Succeeded"),
                Arguments.of("no-break spaces U+00A0", "a" + "\u00A0".repeat(50) + "b", Language.JA, "a[空白 ×50]b"),
                Arguments.of("ideographic spaces U+3000", "a" + "\u3000".repeat(40) + "b", Language.JA, "a[空白 ×40]b"),
                Arguments.of("en to hair spaces U+2000-U+200A", "a\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200Ab",
                        Language.JA, "a[空白 ×11]b"),
                Arguments.of("narrow and medium spaces", "a\u202F\u205F\u202F\u205Fb", Language.JA, "a[空白 ×4]b"),
                Arguments.of("braille blanks U+2800", "a" + "\u2800".repeat(200) + "b", Language.JA, "a[空白 ×200]b"),
                Arguments.of("a mixed run", "a \u00A0\u3000\u2800 b", Language.JA, "a[空白 ×5]b"),
                Arguments.of("a run at the start", " ".repeat(10) + "b", Language.JA, "[空白 ×10]b"),
                Arguments.of("a run counts as one character towards the cut", "ab" + " ".repeat(500) + "cdef", Language.EN,
                        "ab[500 blanks]cd… [truncated: 506 characters in all]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blanks")
    void collapsesRunsOfBlanksIntoAMarker(String name, String input, Language language, String expected) {
        assertEquals(expected, SafeText.line(input, name.contains("cut") ? 5 : 1_000, language));
    }

    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                Arguments.of("Cyrillic а in an ASCII name", "ops-\u0430dmin", true),
                Arguments.of("Greek ο in an ASCII name", "r\u03BFot-role", true),
                Arguments.of("fullwidth Latin", "\uFF4Fps-admin", true),
                Arguments.of("fullwidth digits beside ASCII letters", "admin\uFF11", true),
                Arguments.of("mathematical bold letters", "ops-\uD835\uDC1Admin", true),
                Arguments.of("Latin with an accent (flagged too: it is not ASCII)", "caf\u00E9-bucket", true),
                Arguments.of("plain ASCII", "ops-admin", false),
                Arguments.of("Japanese beside ASCII", "山田-admin-テスト", false),
                Arguments.of("halfwidth katakana beside ASCII", "ｵﾍﾟ-admin", false),
                Arguments.of("Korean beside ASCII", "한국-admin", false),
                Arguments.of("all Cyrillic, no ASCII letters", "\u0430\u0434\u043C\u0438\u043D", false),
                Arguments.of("digits only", "111122223333", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void flagsNamesThatMixAsciiWithLookAlikes(String name, String input, boolean flagged) {
        for (Language language : Language.values()) {
            String shown = SafeText.name(input, 100, language);
            assertEquals(flagged, shown.endsWith(Msg.NON_ASCII_LETTERS.in(language)), shown);
            assertTrue(shown.startsWith(SafeText.line(input, 100, language)), shown);
        }
        assertFalse(SafeText.line(input, 100, Language.JA).contains("ASCII"), "line() itself does not flag");
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
