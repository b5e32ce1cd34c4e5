package cloudtrail.notifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CfnYamlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a: !Ref Topic                                  | {"a":{"Ref":"Topic"}}
            a: !GetAtt Queue.Arn                           | {"a":{"Fn::GetAtt":["Queue","Arn"]}}
            a: !If [On, ENABLED, DISABLED]                 | {"a":{"Fn::If":["On","ENABLED","DISABLED"]}}
            a: !Not [!Equals [!Ref X, 'true']]             | {"a":{"Fn::Not":[{"Fn::Equals":[{"Ref":"X"},"true"]}]}}
            a: !Sub 'arn:${AWS::Partition}:x'              | {"a":{"Fn::Sub":"arn:${AWS::Partition}:x"}}
            a: {"b": [{"exists": false}], "c": !Ref L}     | {"a":{"b":[{"exists":false}],"c":{"Ref":"L"}}}
            MFAUsed: [No, yes, On, true]                   | {"MFAUsed":["No","yes","On",true]}
            """)
    void readsShortFormIntrinsicsAsCloudFormationDoes(String yaml, String json) throws Exception {
        assertEquals(new ObjectMapper().readTree(json), CfnYaml.read(yaml));
    }
}
