package cloudtrail.notifier.render.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.config.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudTrail Insights' averages per minute, put in words a reader compares at a glance. */
class InsightRateTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the example in the brief          | 0.5         | 42   | false | 平常時は 1 分あたり平均 0.5 回のところ、42 回（84 倍）
            a rare call                       | 8.82145e-05 | 0.6  | false | 平常時は 1 分あたり平均 0.01 回未満のところ、0.6 回（6,802 倍）
            a small rise                      | 2           | 3    | false | 平常時は 1 分あたり平均 2 回のところ、3 回（1.5 倍）
            thousands                         | 1.25        | 1500 | false | 平常時は 1 分あたり平均 1.3 回のところ、1,500 回（1,200 倍）
            never called before               | 0           | 4    | false | 平常時は 1 分あたり平均 0 回のところ、4 回
            errors                            | 0.0125      | 3.5  | true  | 平常時は 1 分あたり平均 0.013 回のエラーのところ、3.5 回（280 倍）
            """)
    void ratesReadAsWords(String name, double baseline, double observed, boolean errors, String expected) {
        assertEquals(expected, InsightView.rateInWords(baseline, observed, errors, Language.JA));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            calls  | 0.5 | 42  | false | usually 0.5 calls a minute on average; now 42 (84 times as many)
            errors | 0   | 4   | true  | usually 0 errors a minute on average; now 4
            """)
    void ratesReadAsWordsInEnglish(String name, double baseline, double observed, boolean errors, String expected) {
        assertEquals(expected, InsightView.rateInWords(baseline, observed, errors, Language.EN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            no baseline | NULL | 42
            no insight  | 0.5  | NULL
            negative    | -1   | 42
            """)
    void missingOrBrokenStatisticsGiveNoSentence(String name, Double baseline, Double observed) {
        assertEquals(null, InsightView.rateInWords(baseline, observed, false, Language.JA));
    }
}
