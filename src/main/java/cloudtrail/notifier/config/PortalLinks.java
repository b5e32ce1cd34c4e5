package cloudtrail.notifier.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Console links that open in the event's own account: through IAM Identity Center's shortcut link
 * ({@code https://<portal>/start/#/console?account_id=…&role_name=…&destination=…}), which signs the reader
 * in to that account with that permission set first. A plain console link opens in whatever account the
 * reader is signed in to, usually the wrong one.
 *
 * @param portal the AWS access portal URL (ACCESS_PORTAL_URL), without a trailing slash
 * @param roleName the permission set to open it with (PORTAL_ROLE_NAME)
 */
public record PortalLinks(String portal, String roleName) {
    public static final String ACCESS_PORTAL_URL = "ACCESS_PORTAL_URL";
    public static final String PORTAL_ROLE_NAME = "PORTAL_ROLE_NAME";
    private static final Pattern PORTAL = Pattern.compile("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/-]*)?");
    private static final Pattern ROLE = Pattern.compile("[\\w+=,.@-]{1,32}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** Null when ACCESS_PORTAL_URL is not set; both or neither. */
    public static PortalLinks fromEnvironment(Map<String, String> env) {
        String portal = env.get(ACCESS_PORTAL_URL);
        String role = env.get(PORTAL_ROLE_NAME);
        boolean hasPortal = portal != null && !portal.isBlank();
        boolean hasRole = role != null && !role.isBlank();
        if (!hasPortal && !hasRole) {
            return null;
        }
        if (!hasPortal || !hasRole) {
            throw new ConfigurationException((hasPortal ? PORTAL_ROLE_NAME : ACCESS_PORTAL_URL) + " is not set: "
                    + ACCESS_PORTAL_URL + " and " + PORTAL_ROLE_NAME + " go together");
        }
        String url = portal.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/start")) {
            url = url.substring(0, url.length() - "/start".length());
        }
        if (!PORTAL.matcher(url).matches()) {
            throw new ConfigurationException(ACCESS_PORTAL_URL + "='" + portal + "' is not an https URL such as https://d-1234567890.awsapps.com");
        }
        if (!ROLE.matcher(role.trim()).matches()) {
            throw new ConfigurationException(PORTAL_ROLE_NAME + "='" + role + "' is not a permission set name");
        }
        return new PortalLinks(url, role.trim());
    }

    /** The link that signs in to {@code account} and then opens {@code destination}; the destination itself when the account is not an ID. */
    public String open(String account, String destination) {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            return destination;
        }
        return portal + "/start/#/console?account_id=" + account + "&role_name=" + URLEncoder.encode(roleName, StandardCharsets.UTF_8)
                + "&destination=" + URLEncoder.encode(destination, StandardCharsets.UTF_8);
    }
}
