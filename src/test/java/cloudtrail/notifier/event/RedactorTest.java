package cloudtrail.notifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parse boundary withholds, shape by shape, and what it leaves as it was. */
class RedactorTest {
    private static final JsonTrees JSON = new JsonTrees();
    private static final Redactor REDACTOR = new Redactor();
    private static final String W = Redactor.WITHHELD;

    private static JsonNode tree(String json) {
        try {
            return JSON.read(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String redacted(String json) {
        return JSON.write(REDACTOR.redact(tree(json)));
    }

    private static String expect(String json) {
        return JSON.write(tree(json.replace("§", W)));
    }

    @Test
    void valuesUnderSecretKeysAreWithheldAtEveryDepth() {
        assertEquals(expect("{'a':{'b':{'c':{'d':{'e':{'f':{'password':'§'}}}}}}}"),
                redacted("{'a':{'b':{'c':{'d':{'e':{'f':{'password':'hunter2'}}}}}}}"));
        assertEquals(expect("{'items':[{'name':'x','clientSecret':'§'},[{'pwd':'§'}]]}"),
                redacted("{'items':[{'name':'x','clientSecret':'s1'},[{'pwd':'s2'}]]}"));
    }

    @Test
    void aWithheldContainerKeepsItsShapeAndItsYesNoValues() {
        // the catalog's pattern {"userData": {"value": [{"exists": true}]}} must still see the field
        assertEquals(expect("{'userData':{'value':'§'},'credentials':{'generate':true,'n':'§','x':null,'list':['§','§']}}"),
                redacted("{'userData':{'value':'IyEvYmluL3No'},'credentials':{'generate':true,'n':42,'x':null,'list':['a','b']}}"));
    }

    @Test
    void userDataIsAlwaysWithheld() {
        assertEquals(expect("{'userData':'§','UserData':'§'}"), redacted("{'userData':'IyEvYmluL3No','UserData':'ZWNobw=='}"));
    }

    @Test
    void namesOfSecretsStayVisible() {
        String json = "{'secretId':'prod/db','secretArn':'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:prod/db',"
                + "'tokenName':'t','keyId':'k','passwordPolicy':{'minimumPasswordLength':14,'requireSymbols':true},"
                + "'allowUsersToChangePassword':true}";
        assertEquals(expect(json), redacted(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ECS environment|{'containerDefinitions':[{'environment':[{'name':'DB_PASSWORD','value':'s'},{'name':'STAGE','value':'prod'}]}]}"
                + "|{'containerDefinitions':[{'environment':[{'name':'DB_PASSWORD','value':'§'},{'name':'STAGE','value':'prod'}]}]}",
        "CloudFormation parameters|{'parameters':[{'parameterKey':'DbPassword','parameterValue':'s'},{'parameterKey':'Env','parameterValue':'prod'}]}"
                + "|{'parameters':[{'parameterKey':'DbPassword','parameterValue':'§'},{'parameterKey':'Env','parameterValue':'prod'}]}",
        "CloudFormation, capitalised|{'Parameters':[{'ParameterKey':'ApiToken','ParameterValue':'s'}]}|{'Parameters':[{'ParameterKey':'ApiToken','ParameterValue':'§'}]}",
        "Key and Value|{'Tags':[{'Key':'pin','Value':'1234'},{'Key':'team','Value':'a'}]}|{'Tags':[{'Key':'pin','Value':'§'},{'Key':'team','Value':'a'}]}",
        "key and value|{'attributes':[{'key':'deletion_protection.enabled','value':'false'},{'key':'otp','value':'1'}]}"
                + "|{'attributes':[{'key':'deletion_protection.enabled','value':'false'},{'key':'otp','value':'§'}]}",
        "variable and value|{'vars':[{'variable':'MYSQL_PWD','value':{'a':'s'}}]}|{'vars':[{'variable':'MYSQL_PWD','value':{'a':'§'}}]}",
        "Name and Value|{'Env':[{'Name':'API_TOKEN','Value':'s'}]}|{'Env':[{'Name':'API_TOKEN','Value':'§'}]}",
        "attributeName and attributeValue|{'attributeName':'password','attributeValue':'s','topicArn':'t'}|{'attributeName':'password','attributeValue':'§','topicArn':'t'}",
        "a parameter path|{'name':'/prod/db/password','value':'s','type':'String'}|{'name':'/prod/db/password','value':'§','type':'String'}",
    })
    void theValueOfANameValuePairIsWithheldWhenTheNameIsASecrets(String shape, String input, String expected) {
        assertEquals(expect(expected), redacted(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "URL with user and password|https://user:pass@example.com/x|https://§@example.com/x",
        "URL with a token as user|https://ghp_abc@github.com/o/r.git|https://§@github.com/o/r.git",
        "database URL|postgres://app:s3cr3t@db.example.com:5432/app|postgres://§@db.example.com:5432/app",
        "password with @ in it|mysql://u:p@ss@db:3306|mysql://§@db:3306",
        "password with / in it|redis://u:pa/ss@cache:6379|redis://§@cache:6379",
        "two URLs in a message|from https://a:b@h1/ to ftp://c:d@h2|from https://§@h1/ to ftp://§@h2",
        "ADO.NET connection string|Server=db;User Id=app;Password=my secret pass;Encrypt=true|Server=db;User Id=app;Password=§;Encrypt=true",
        "ODBC pwd|DRIVER={x};UID=app;PWD={p;w};|DRIVER={x};UID=app;PWD=§;",
        "quoted|Password=\"a;b\";Host=h|Password=§;Host=h",
        "query string|https://h/p?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc&X-Amz-Security-Token=tok&x=1|https://h/p?X-Amz-Credential=§&X-Amz-Signature=§&X-Amz-Security-Token=§&x=1",
        "JDBC URL with a password parameter|jdbc:postgresql://h/db?user=app&password=s|jdbc:postgresql://h/db?user=app&password=§",
        "assignment inside a sentence|login failed: password=hunter2|login failed: password=§",
        "JSON written as text|{\"DB_PASSWORD\": \"s\", \"stage\": \"prod\", \"pin\": 1234}|{\"DB_PASSWORD\": §, \"stage\": \"prod\", \"pin\": §}",
    })
    void secretsInsideTextAreWithheldAndTheRestStays(String shape, String input, String expected) {
        assertEquals(expected.replace("§", W), REDACTOR.text(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a URL without user information|https://example.com:8443/a@b",
        "a URL with a port and an @ in its path|https://example.com:443/users/@me",
        "an e-mail address|bob@example.com",
        "an ARN|arn:aws:iam::111122223333:role/admin",
        "base64 padding|aGVsbG8=",
        "a harmless assignment|Server=db;User Id=app",
        "a policy document|{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"DateGreaterThan\":{\"aws:TokenIssueTime\":\"2020-01-01T00:00:00Z\"}}}]}",
    })
    void textWithoutSecretsIsLeftAsItIs(String shape, String input) {
        assertSame(input, REDACTOR.text(input));
    }

    @Test
    void theInputIsNeverChangedAndWhatHasNoSecretIsShared() {
        JsonNode input = tree("{'requestParameters':{'password':'p','plain':{'a':[1,2]}}}");
        String before = JSON.write(input);

        JsonNode out = REDACTOR.redact(input);

        assertEquals(before, JSON.write(input));
        assertSame(input.get("requestParameters").get("plain"), out.get("requestParameters").get("plain"));
        JsonNode clean = tree("{'a':{'b':'c'}}");
        assertSame(clean, REDACTOR.redact(clean));
    }

    @Test
    void theMarkerCannotComeFromTheEvent() {
        JsonNode out = REDACTOR.redact(tree("{'note':'" + W + "','" + W + "':'x'}"));

        assertFalse(Redactor.isWithheld(JSON.write(out)), JSON.write(out));
        assertTrue(JSON.write(out).contains("\uFFFDwithheld\uFFFD"), JSON.write(out));
    }

    @Test
    void theParserReadsTheRedactedTree() {
        NotifierEvent parsed = new EventParser().parse(("{'detail-type':'AWS API Call via CloudTrail','source':'aws.rds',"
                + "'resources':['https://u:p@h/'],'detail':{'eventVersion':'1.08','eventSource':'rds.amazonaws.com','eventName':'ModifyDBInstance',"
                + "'errorMessage':'bad Password=p1;','requestParameters':{'masterUserPassword':'p2'}}}").replace('\'', '"'));

        CloudTrailRecord r = ((CloudTrailEvent) parsed).record();
        assertEquals(W, r.requestParameters().get("masterUserPassword").textValue());
        assertEquals(W, r.detail().path("requestParameters").get("masterUserPassword").textValue());
        assertEquals("bad Password=" + W + ";", r.errorMessage());
        assertEquals("https://" + W + "@h/", ((CloudTrailEvent) parsed).envelope().resources().get(0));
    }
}
