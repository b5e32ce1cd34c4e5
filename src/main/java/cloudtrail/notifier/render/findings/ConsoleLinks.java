package cloudtrail.notifier.render.findings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links into the AWS console of an event's region. The region comes from the event, so it is
 * checked to look like a region before it goes into a host name; IDs are URL-encoded.
 */
final class ConsoleLinks {
    private ConsoleLinks() {}

    /** "https://ap-northeast-1.console.aws.amazon.com", or null when region is not a region name. */
    static String base(String region) {
        if (region == null || !isRegion(region)) {
            return null;
        }
        if (region.startsWith("cn-")) {
            return "https://" + region + ".console.amazonaws.cn";
        }
        if (region.startsWith("us-gov-")) {
            return "https://console.amazonaws-us-gov.com";
        }
        return "https://" + region + ".console.aws.amazon.com";
    }

    /** "https://<region>.console.aws.amazon.com/<service>/home?region=<region>#<fragment>". */
    static String page(String region, String service, String fragment) {
        String base = base(region);
        return base == null ? null : base + "/" + service + "/home?region=" + region + "#" + fragment;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "ap-northeast-1", "us-gov-west-1": lower-case letters and dashes, then a number. */
    static boolean isRegion(String region) {
        int dash = region.lastIndexOf('-');
        if (region.length() > 30 || dash < 4 || dash == region.length() - 1 || region.length() - dash > 3
                || region.charAt(2) != '-') {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            boolean ok = i > dash ? c >= '0' && c <= '9' : (c >= 'a' && c <= 'z') || (c == '-' && i > 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
