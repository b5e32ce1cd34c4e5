package cloudtrail.notifier.event;

/** userIdentity.type as CloudTrail documents it, plus the two cases it leaves open. */
public enum IdentityType {
    ROOT("Root"),
    IAM_USER("IAMUser"),
    ASSUMED_ROLE("AssumedRole"),
    FEDERATED_USER("FederatedUser"),
    AWS_ACCOUNT("AWSAccount"),
    AWS_SERVICE("AWSService"),
    IDENTITY_CENTER_USER("IdentityCenterUser"),
    WEB_IDENTITY_USER("WebIdentityUser"),
    SAML_USER("SAMLUser"),
    UNKNOWN("Unknown"),
    /** Service events and some sign-in records carry an identity without a type. */
    NONE(null),
    /** A type CloudTrail may add later; shown by its name. */
    OTHER(null);

    private final String wireName;

    IdentityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static IdentityType of(String type) {
        if (type == null || type.isBlank()) {
            return NONE;
        }
        for (IdentityType t : values()) {
            if (t.wireName != null && t.wireName.equalsIgnoreCase(type.trim())) {
                return t;
            }
        }
        return OTHER;
    }
}
