package cloudtrail.notifier.render;

import java.util.Locale;

/**
 * Decides which request and response fields hold secrets. A notification goes to a mailing list, so a
 * password or token that a client sent (or that a service echoed) must never be copied into it.
 * Names of secrets (secretId, tokenName, ...) are identifiers, not secrets, and stay visible.
 */
public final class SecretKeys {
    private static final String[] SECRET_WORDS = {
        "password", "passwd", "passphrase", "secret", "token", "credential", "privatekey", "apikey",
        "authorization", "cookie", "sessionkey", "keymaterial", "plaintext"
    };
    private static final String[] IDENTIFIER_SUFFIXES = {"id", "ids", "arn", "arns", "name", "names", "type", "types"};

    private SecretKeys() {}

    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = normalise(key);
        boolean secretWord = false;
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                secretWord = true;
                break;
            }
        }
        if (!secretWord) {
            return false;
        }
        for (String suffix : IDENTIFIER_SUFFIXES) {
            if (k.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
