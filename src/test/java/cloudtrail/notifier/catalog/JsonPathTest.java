package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.event.JsonTrees;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a catalog path reads from a record: JSON null is nothing, wherever it stands. */
class JsonPathTest {
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            serviceEventDetails.instanceIdSet[] | {"serviceEventDetails":{"instanceIdSet":["i-1",null,"i-2"]}}   | i-1,i-2
            serviceEventDetails.instanceIdSet[] | {"serviceEventDetails":{"instanceIdSet":[null]}}               | ''
            serviceEventDetails.instanceIdSet   | {"serviceEventDetails":{"instanceIdSet":[null,"i-3"]}}          | i-3
            items[].id                          | {"items":[{"id":"a"},null,{"id":null},{"id":"b"}]}              | a,b
            name                                | {"name":null}                                                  | ''
            """)
    void textsLeaveNullsOut(String path, String record, String expected) throws Exception {
        List<String> texts = JsonPath.parse(path).texts(new JsonTrees().read(record));

        assertEquals(expected, String.join(",", texts));
    }
}
