package cloudtrail.notifier.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of catalog/secret-keys.json: which keys hold secrets, and which merely name one. */
class SecretKeysTest {

    @ParameterizedTest(name = "{0} -> secret: {1}")
    @CsvSource({
        // words anywhere in the key
        "password, true",
        "newPassword, true",
        "PASSWD, true",
        "DB_PASSWORD, true",
        "masterUserPassword, true",
        "secretString, true",
        "SecretAccessKey, true",
        "clientSecret, true",
        "sessionToken, true",
        "tokenValue, true",
        "nextToken, true",
        "credentials, true",
        "private_key, true",
        "privateKeyPem, true",
        "x-api-key, true",
        "apiKey, true",
        "Authorization, true",
        "passphrase, true",
        "passcode, true",
        "pwd, true",
        "MYSQL_PWD, true",
        "connectionString, true",
        "ConnectionString, true",
        "X-Amz-Signature, true",
        "X-Amz-Credential, true",
        "X-Amz-Security-Token, true",
        "AccountKey, true",
        "userData, true",
        "UserData, true",
        // a secret's last word
        "DB_PASS, true",
        "pass, true",
        "dbPass, true",
        "pin, true",
        "PIN, true",
        "userPin, true",
        "otp, true",
        "totp, true",
        "sig, true",
        // a one-time code
        "mfaCode, true",
        "MFACode, true",
        "authenticationCode1, true",
        "AuthenticationCode2, true",
        "authCode, true",
        "confirmationCode, true",
        "verificationCode, true",
        "totpCode, true",
        // names of secrets, and what describes them: identifiers, not secrets
        "secretId, false",
        "secretArn, false",
        "SecretName, false",
        "secretIdList, false",
        "tokenName, false",
        "tokenType, false",
        "keyId, false",
        "credentialId, false",
        "passwordPolicy, false",
        "minimumPasswordLength, false",
        "maxPasswordAge, false",
        "passwordReusePrevention, false",
        "passwordResetRequired, false",
        "passwordLastUsed, false",
        "signatureAlgorithm, false",
        "versionStage, false",
        "CredentialVerification, false",
        "CredentialChallenge, false",
        // not secrets at all
        "accessKeyId, false",
        "accessKey, false",
        "userName, false",
        "bucketName, false",
        "instanceType, false",
        "errorCode, false",
        "statusCode, false",
        "countryCode, false",
        "bypass, false",
        "compass, false",
        "shipping, false",
        "spin, false",
        "key, false",
        "value, false",
        "policyDocument, false",
    })
    void knowsWhichKeysHoldSecrets(String key, boolean secret) {
        assertEquals(secret, SecretKeys.standard().isSecret(key));
    }

    @Test
    void splitsKeysIntoWords() {
        assertEquals(List.of("db", "password"), SecretKeys.words("DB_PASSWORD"));
        assertEquals(List.of("mfa", "code"), SecretKeys.words("MFACode"));
        assertEquals(List.of("authentication", "code"), SecretKeys.words("authenticationCode1"));
        assertEquals(List.of("x", "amz", "security", "token"), SecretKeys.words("X-Amz-Security-Token"));
        assertEquals(List.of("secret", "id", "list"), SecretKeys.words("secretIdList"));
    }

    @Test
    void knowsTheNameValueShapes() {
        List<SecretKeys.Pair> pairs = SecretKeys.standard().pairs();
        for (String[] p : new String[][] {{"name", "value"}, {"Name", "Value"}, {"key", "value"}, {"Key", "Value"},
                {"parameterKey", "parameterValue"}, {"ParameterKey", "ParameterValue"}, {"variable", "value"}}) {
            assertEquals(true, pairs.contains(new SecretKeys.Pair(p[0], p[1])), p[0] + "/" + p[1]);
        }
    }
}
