package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.event.CloudTrailEvent;
import cloudtrail.notifier.event.EventParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Who did it" for every userIdentity shape CloudTrail writes (shapes taken from real records). */
class IdentityResolverTest {
    private static final EventParser PARSER = new EventParser();
    private static final IdentityResolver RESOLVER = new IdentityResolver();

    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of("Root", """
                        {"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"}""",
                        "ルートユーザー"),
                Arguments.of("IAMUser", """
                        {"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/dev/alice","accountId":"111122223333","userName":"alice"}""",
                        "IAM ユーザー alice"),
                Arguments.of("IAMUser without userName (name from the ARN)", """
                        {"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/dev/alice","accountId":"111122223333"}""",
                        "IAM ユーザー alice"),
                Arguments.of("AssumedRole", """
                        {"type":"AssumedRole","principalId":"AROAEXAMPLE:deploy","arn":"arn:aws:sts::111122223333:assumed-role/CiRole/deploy","accountId":"111122223333",
                         "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/CiRole","userName":"CiRole"}}}""",
                        "ロール CiRole（セッション名 deploy）"),
                Arguments.of("AssumedRole of an IAM Identity Center permission set", """
                        {"type":"AssumedRole","principalId":"AROAEXAMPLE:taro@example.com","arn":"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/taro@example.com","accountId":"111122223333",
                         "sessionContext":{"sessionIssuer":{"type":"Role","userName":"AWSReservedSSO_ReadOnly_0123456789abcdef"}}}""",
                        "taro@example.com（IAM Identity Center、許可セット ReadOnly）"),
                Arguments.of("AssumedRole from another account", """
                        {"type":"AssumedRole","arn":"arn:aws:sts::444455556666:assumed-role/Auditor/s1","accountId":"444455556666"}""",
                        "ロール Auditor（セッション名 s1）［アカウント 444455556666］"),
                Arguments.of("AssumedRole invoked by a service", """
                        {"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/Stack/cfn","accountId":"111122223333","invokedBy":"cloudformation.amazonaws.com"}""",
                        "ロール Stack（セッション名 cfn）（cloudformation.amazonaws.com 経由）"),
                Arguments.of("FederatedUser", """
                        {"type":"FederatedUser","principalId":"111122223333:bob","arn":"arn:aws:sts::111122223333:federated-user/bob","accountId":"111122223333",
                         "sessionContext":{"sessionIssuer":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/broker","userName":"broker"}}}""",
                        "フェデレーションユーザー bob（発行元 broker）"),
                Arguments.of("AWSAccount", """
                        {"type":"AWSAccount","principalId":"AIDAQRSTUVWXYZEXAMPLE","accountId":"444455556666"}""",
                        "別の AWS アカウント 444455556666"),
                Arguments.of("AWSService", """
                        {"type":"AWSService","invokedBy":"lambda.amazonaws.com"}""",
                        "AWS サービス lambda.amazonaws.com"),
                Arguments.of("IdentityCenterUser (no arn)", """
                        {"type":"IdentityCenterUser","accountId":"111122223333","onBehalfOf":{"userId":"94482488-3041-7026-18f3-be45837cd0e4","identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-9067230e8c"},"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}""",
                        "IAM Identity Center ユーザー 94482488-3041-7026-18f3-be45837cd0e4"),
                Arguments.of("WebIdentityUser", """
                        {"type":"WebIdentityUser","principalId":"accounts.google.com:app:user","userName":"user-123","identityProvider":"accounts.google.com"}""",
                        "ウェブ ID フェデレーションユーザー user-123（IdP accounts.google.com）"),
                Arguments.of("SAMLUser", """
                        {"type":"SAMLUser","principalId":"SampleUkh1i4+ExamplexL/jEvs=:SamlExample","userName":"SamlExample","identityProvider":"bdGOnTesti4+ExamplexL/jEvs="}""",
                        "SAML フェデレーションユーザー SamlExample（IdP bdGOnTesti4+ExamplexL/jEvs=）"),
                Arguments.of("Unknown", """
                        {"type":"Unknown","principalId":"111122223333","arn":"","accountId":"111122223333","accessKeyId":"","userName":"user1"}""",
                        "種別不明の ID user1"),
                Arguments.of("no type: a service event", """
                        {"accountId":"111122223333","invokedBy":"organizations.amazonaws.com"}""",
                        "AWS サービス organizations.amazonaws.com"),
                Arguments.of("no type: only an account", """
                        {"accountId":"111122223333"}""",
                        "アカウント 111122223333"),
                Arguments.of("no type: only an identityProvider", """
                        {"identityProvider":"accounts.google.com"}""",
                        "IdP accounts.google.com のユーザー"),
                Arguments.of("no type: only a credentialId", """
                        {"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}""",
                        "認証情報 EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"),
                Arguments.of("no type: only a principalId", """
                        {"principalId":"AIDAEXAMPLE"}""",
                        "AIDAEXAMPLE"),
                Arguments.of("no type: only an accessKeyId", """
                        {"accessKeyId":"ASIAEXAMPLE"}""",
                        "ASIAEXAMPLE"),
                Arguments.of("no type: only an ARN that is not an ARN", """
                        {"arn":"not-an-arn"}""",
                        "not-an-arn"),
                Arguments.of("no type: only onBehalfOf", """
                        {"onBehalfOf":{"userId":"94482488-3041-7026-18f3-be45837cd0e4"}}""",
                        "94482488-3041-7026-18f3-be45837cd0e4"),
                Arguments.of("no type: only a session issuer's principalId", """
                        {"sessionContext":{"sessionIssuer":{"principalId":"AROAEXAMPLE"}}}""",
                        "AROAEXAMPLE"),
                Arguments.of("no type: a number where the identity provider goes", """
                        {"identityProvider":42}""",
                        "IdP 42 のユーザー"),
                Arguments.of("no type: nothing that names anybody", """
                        {"identityProvider":"","credentialId":null}""",
                        "（情報なし）"),
                Arguments.of("a type CloudTrail may add later", """
                        {"type":"SomethingNew","principalId":"P1","accountId":"111122223333"}""",
                        "SomethingNew P1"),
                Arguments.of("a hostile user name cannot add a line", """
                        {"type":"IAMUser","accountId":"111122223333","userName":"eve\\n結果: 成功"}""",
                        "IAM ユーザー eve\\n結果: 成功"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void describesWhoActedInJapanese(String name, String userIdentity, String expected) {
        // Given a record whose account is 111122223333
        String json = "{\"eventVersion\":\"1.08\",\"eventName\":\"X\",\"eventSource\":\"x.amazonaws.com\","
                + "\"recipientAccountId\":\"111122223333\",\"userIdentity\":" + userIdentity + "}";
        CloudTrailEvent event = (CloudTrailEvent) PARSER.parse(json);

        // When who acted is described
        String who = RESOLVER.describe(event.record().userIdentity(), "111122223333", Language.JA);

        // Then it reads as a person would say it
        assertEquals(expected, who);
    }
}
