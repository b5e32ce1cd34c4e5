package cloudtrail.notifier.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {

    @ParameterizedTest(name = "{0} -> secret: {1}")
    @CsvSource({
        "password, true",
        "newPassword, true",
        "PASSWD, true",
        "secretString, true",
        "SecretAccessKey, true",
        "clientSecret, true",
        "sessionToken, true",
        "tokenValue, true",
        "credentials, true",
        "private_key, true",
        "privateKeyPem, true",
        "x-api-key, true",
        "apiKey, true",
        "Authorization, true",
        "passphrase, true",
        "secretId, false",
        "secretArn, false",
        "SecretName, false",
        "tokenName, false",
        "accessKeyId, false",
        "userName, false",
        "bucketName, false",
        "instanceType, false",
    })
    void knowsWhichKeysHoldSecrets(String key, boolean secret) {
        assertEquals(secret, SecretKeys.isSecret(key));
    }
}
