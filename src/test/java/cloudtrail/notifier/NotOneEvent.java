package cloudtrail.notifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Input that is not one event, built from a real one (events/cloudtrail-stop-logging.json): an object
 * that holds a key twice, so that EventBridge's matcher and a last-wins parser read two different
 * events, and bytes that are not well-formed UTF-8. Each case is (name, input, the reason the
 * rejection must give). Shared by the Lambda handler's and the command line's tests.
 */
public final class NotOneEvent {
    public static final String BASE_FILE = "cloudtrail-stop-logging.json";
    public static final String BASE = new String(Fixtures.event(BASE_FILE), StandardCharsets.UTF_8);

    private NotOneEvent() {}

    /** (name, bytes, the rejection's message) */
    public static Stream<Arguments> cases() {
        return Stream.concat(duplicateKeys(), encodings());
    }

    public static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                duplicate("at the top: two sources",
                        "\"source\": \"aws.cloudtrail\",", "\"source\": \"aws.cloudtrail\", \"source\": \"aws.s3\",",
                        "duplicate key \"source\" at the top level"),
                duplicate("in detail: denied and not denied",
                        "\"eventName\": \"StopLogging\",", "\"eventName\": \"StopLogging\", \"errorCode\": \"AccessDenied\", \"errorCode\": null,",
                        "duplicate key \"errorCode\" in detail"),
                duplicate("in detail: two userIdentity objects, root and an IAM user",
                        "\"eventTime\": \"2025-02-11T03:02:11Z\",",
                        "\"userIdentity\": {\"type\": \"IAMUser\", \"userName\": \"alice\"}, \"eventTime\": \"2025-02-11T03:02:11Z\",",
                        "duplicate key \"userIdentity\" in detail"),
                duplicate("in userIdentity: Root and AssumedRole",
                        "\"type\": \"AssumedRole\",", "\"type\": \"Root\", \"type\": \"AssumedRole\",",
                        "duplicate key \"type\" in detail.userIdentity"),
                duplicate("in sessionIssuer, three levels down",
                        "\"userName\": \"AWSReservedSSO_AdministratorAccess_0123456789abcdef\"",
                        "\"userName\": \"AWSReservedSSO_AdministratorAccess_0123456789abcdef\", \"userName\": \"x\"",
                        "duplicate key \"userName\" in detail.userIdentity.sessionContext.sessionIssuer"),
                duplicate("inside requestParameters",
                        "\"name\": \"arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/management-events-trail\"",
                        "\"name\": \"arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/management-events-trail\", \"name\": \"decoy\"",
                        "duplicate key \"name\" in detail.requestParameters"),
                duplicate("in an array of objects at the top",
                        "\"resources\": [],", "\"resources\": [{\"ARN\": \"a\"}, {\"ARN\": \"b\", \"ARN\": \"c\"}],",
                        "duplicate key \"ARN\" in resources[1]"),
                duplicate("in an array of objects in detail",
                        "\"eventCategory\": \"Management\",",
                        "\"eventCategory\": \"Management\", \"resources\": [{\"ARN\": \"arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/t\", \"type\": \"AWS::CloudTrail::Trail\", \"type\": \"x\"}],",
                        "duplicate key \"type\" in detail.resources[0]"),
                duplicate("the same key spelled with an escape",
                        "\"eventName\": \"StopLogging\",", "\"eventName\": \"StopLogging\", \"errorCode\": \"AccessDenied\", \"error\\u0043ode\": null,",
                        "duplicate key \"errorCode\" in detail"),
                duplicate("a key that would break a log line is shown escaped",
                        "\"eventName\": \"StopLogging\",", "\"eventName\": \"StopLogging\", \"a\\nb\": 1, \"a\\nb\": 2,",
                        "duplicate key \"a\\u000Ab\" in detail"));
    }

    public static Stream<Arguments> encodings() {
        int end = BASE.getBytes(StandardCharsets.UTF_8).length;
        return Stream.of(
                insideEventName("overlong '/' (C0 AF)", "C0AF", "(C0 AF): an overlong encoding"),
                insideEventName("overlong '/' in three bytes (E0 80 AF)", "E080AF", "(E0 80 AF): an overlong encoding"),
                insideEventName("overlong in four bytes (F0 80 80 AF)", "F08080AF", "(F0 80 80 AF): an overlong encoding"),
                insideEventName("CESU-8 surrogate pair (ED A0 80 ED B0 80)", "EDA080EDB080", "(ED A0 80): a UTF-16 surrogate encoded as UTF-8 (CESU-8)"),
                insideEventName("above U+10FFFF (F4 90 80 80)", "F4908080", "(F4 90 80 80): a code point above U+10FFFF"),
                insideEventName("a five-byte form (F8 88 80 80 80)", "F888808080", "(F8): a byte that never occurs in UTF-8"),
                insideEventName("a lone continuation byte (80)", "80", "(80): a continuation byte with no lead byte"),
                insideEventName("a truncated sequence (E3 81, then a quote)", "E381", "(E3 81): a truncated sequence"),
                Arguments.of("a truncated sequence at the end of the input (E3)",
                        concat(BASE.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex("E3")),
                        "not well-formed UTF-8 at byte " + end + " (E3): a truncated sequence"),
                Arguments.of("a NUL before the first key", nulBeforeFirstKey(),
                        "NUL byte at byte 1: JSON text never holds one (is this UTF-16 or UTF-32? events are UTF-8)"),
                Arguments.of("UTF-16LE without a byte order mark", BASE.getBytes(StandardCharsets.UTF_16LE),
                        "NUL byte at byte 1:"),
                Arguments.of("UTF-16BE without a byte order mark", BASE.getBytes(StandardCharsets.UTF_16BE),
                        "NUL byte at byte 0:"),
                Arguments.of("UTF-16 with a byte order mark (FE FF)", BASE.getBytes(StandardCharsets.UTF_16),
                        "not well-formed UTF-8 at byte 0 (FE FF): a UTF-16BE byte order mark; events are UTF-8"),
                Arguments.of("UTF-16LE with a byte order mark (FF FE)",
                        concat(HexFormat.of().parseHex("FFFE"), BASE.getBytes(StandardCharsets.UTF_16LE)),
                        "not well-formed UTF-8 at byte 0 (FF FE): a UTF-16LE byte order mark; events are UTF-8"),
                Arguments.of("UTF-32LE with a byte order mark (FF FE 00 00)",
                        concat(HexFormat.of().parseHex("FFFE0000"), BASE.getBytes(Charset.forName("UTF-32LE"))),
                        "not well-formed UTF-8 at byte 0 (FF FE 00 00): a UTF-32LE byte order mark; events are UTF-8"));
    }

    private static Arguments duplicate(String name, String find, String replacement, String reason) {
        if (!BASE.contains(find)) {
            throw new IllegalStateException(BASE_FILE + " has no " + find);
        }
        return Arguments.of("duplicate key " + name, BASE.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.UTF_8), reason);
    }

    /** The bytes go into "StopLogging" after "Stop": inside a string the matcher compares. */
    private static Arguments insideEventName(String name, String hex, String reason) {
        byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
        int at = BASE.indexOf("\"StopLogging\"") + "\"Stop".length(); // ASCII before it: chars are bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(base, 0, at);
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.write(base, at, base.length - at);
        return Arguments.of(name, out.toByteArray(), "not well-formed UTF-8 at byte " + at + " " + reason);
    }

    private static byte[] nulBeforeFirstKey() {
        byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {'{', 0}, java.util.Arrays.copyOfRange(base, 1, base.length));
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The base event with a UTF-8 byte order mark in front: accepted, and read as without it. */
    public static byte[] withUtf8ByteOrderMark() {
        return concat(HexFormat.of().parseHex("EFBBBF"), BASE.getBytes(StandardCharsets.UTF_8));
    }
}
