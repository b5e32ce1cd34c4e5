package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.event.ruler.Machine;

/** Each operator of the catalog's matcher on edge cases, against event-ruler's answer for the same pair. */
class EventPatternTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            literal string                | {"a": ["x"]}                                   | {"a": "x"}
            literal string, other         | {"a": ["x"]}                                   | {"a": "y"}
            literal in an array           | {"a": ["x"]}                                   | {"a": ["y", "x"]}
            number literal                | {"a": [0]}                                     | {"a": 0}
            number vs string              | {"a": [0]}                                     | {"a": "0"}
            boolean literal               | {"a": [false]}                                 | {"a": false}
            boolean vs string             | {"a": [false]}                                 | {"a": "false"}
            null literal                  | {"a": [null]}                                  | {"a": null}
            prefix                        | {"a": [{"prefix": "Acc"}]}                     | {"a": "AccessDenied"}
            prefix, no                    | {"a": [{"prefix": "Acc"}]}                     | {"a": "Denied"}
            suffix                        | {"a": [{"suffix": "Operation"}]}               | {"a": "Client.UnauthorizedOperation"}
            equals-ignore-case            | {"a": [{"equals-ignore-case": "failure"}]}     | {"a": "Failure"}
            wildcard middle               | {"a": [{"wildcard": "*Pacu*"}]}                | {"a": "Boto3/1.9 Pacu/1.0"}
            wildcard, no                  | {"a": [{"wildcard": "*Pacu*"}]}                | {"a": "aws-cli/2.0"}
            wildcard overlapping ends     | {"a": [{"wildcard": "ab*ba"}]}                 | {"a": "aba"}
            wildcard three parts          | {"a": [{"wildcard": "x*y*z"}]}                 | {"a": "x-y-y-z"}
            wildcard parts out of order   | {"a": [{"wildcard": "x*y*z"}]}                 | {"a": "x-z-y"}
            wildcard star only            | {"a": [{"wildcard": "*"}]}                     | {"a": ""}
            exists false, missing         | {"a": [{"exists": false}]}                     | {"b": 1}
            exists false, present         | {"a": [{"exists": false}]}                     | {"a": "x"}
            exists true, present          | {"a": [{"exists": true}]}                      | {"a": "x"}
            exists true, missing          | {"a": [{"exists": true}]}                      | {"b": "x"}
            anything-but value            | {"a": [{"anything-but": "Root"}]}              | {"a": "IAMUser"}
            anything-but value, same      | {"a": [{"anything-but": "Root"}]}              | {"a": "Root"}
            anything-but, missing         | {"a": [{"anything-but": "Root"}]}              | {"b": "x"}
            anything-but list             | {"a": [{"anything-but": ["x", "y"]}]}          | {"a": "y"}
            anything-but prefix           | {"a": [{"anything-but": {"prefix": "Acc"}}]}   | {"a": "Throttling"}
            anything-but prefix, same     | {"a": [{"anything-but": {"prefix": "Acc"}}]}   | {"a": "AccessDenied"}
            numeric range                 | {"a": [{"numeric": [">=", 7, "<", 9]}]}        | {"a": 8.5}
            numeric range, out            | {"a": [{"numeric": [">=", 7, "<", 9]}]}        | {"a": 9}
            numeric on string             | {"a": [{"numeric": [">", 1]}]}                 | {"a": "5"}
            cidr v4                       | {"a": [{"cidr": "10.0.0.0/8"}]}                | {"a": "10.1.2.3"}
            cidr v4, out                  | {"a": [{"cidr": "10.0.0.0/8"}]}                | {"a": "11.1.2.3"}
            nested                        | {"a": {"b": ["x"]}}                            | {"a": {"b": "x"}}
            nested missing                | {"a": {"b": ["x"]}}                            | {"a": "x"}
            array of objects, same item   | {"a": {"b": ["x"], "c": ["y"]}}                | {"a": [{"b": "x", "c": "y"}]}
            array of objects, split items | {"a": {"b": ["x"], "c": ["y"]}}                | {"a": [{"b": "x"}, {"c": "y"}]}
            deep arrays                   | {"p": {"items": {"ipRanges": {"items": {"cidrIp": ["0.0.0.0/0"]}}}}} | {"p": {"items": [{"ipRanges": {"items": [{"cidrIp": "10.0.0.0/8"}, {"cidrIp": "0.0.0.0/0"}]}}]}}
            empty array vs exists false   | {"a": [{"exists": false}]}                     | {"a": []}
            nested exists false, absent   | {"a": {"b": [{"exists": false}]}}              | {"c": 1}
            nested exists false, scalar   | {"a": {"b": [{"exists": false}]}}              | {"a": "x"}
            nested exists false, present  | {"a": {"b": [{"exists": false}]}}              | {"a": {"b": 1}}
            exists false on an object     | {"a": [{"exists": false}]}                     | {"a": {"b": 1}}
            exists true on an object      | {"a": [{"exists": true}]}                      | {"a": {"b": 1}}
            two fields, one fails         | {"a": ["x"], "b": ["y"]}                       | {"a": "x", "b": "z"}
            """)
    void agreesWithEventRuler(String name, String pattern, String event) throws Exception {
        Machine machine = new Machine();
        machine.addRule("p", pattern);
        boolean expected = machine.rulesForJSONEvent(event).contains("p");
        JsonNode p = CatalogFiles.MAPPER.readTree(pattern);

        assertEquals(expected, EventPattern.compile(p).matches(CatalogFiles.MAPPER.readTree(event)), name + " (event-ruler says " + expected + ")");
    }
}
