package cloudtrail.notifier.event;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of CloudTrail's userIdentity that say who acted. Any field may be null. */
public record UserIdentity(
        IdentityType type,
        String typeName,
        String principalId,
        String arn,
        String accountId,
        String accessKeyId,
        String userName,
        SessionIssuer sessionIssuer,
        Boolean mfaAuthenticated,
        String invokedBy,
        String identityProvider,
        String onBehalfOfUserId,
        String identityStoreArn,
        String sourceIdentity,
        String credentialId) {

    public static final UserIdentity ABSENT = new UserIdentity(IdentityType.NONE, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** The role or user whose credentials an AssumedRole or FederatedUser session came from. */
    public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {}

    static UserIdentity from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ABSENT;
        }
        String typeName = Json.text(node, "type");
        JsonNode context = Json.object(node, "sessionContext");
        JsonNode issuerNode = Json.object(context, "sessionIssuer");
        SessionIssuer issuer = issuerNode == null ? null : new SessionIssuer(
                Json.text(issuerNode, "type"),
                Json.text(issuerNode, "principalId"),
                Json.text(issuerNode, "arn"),
                Json.text(issuerNode, "accountId"),
                Json.text(issuerNode, "userName"));
        JsonNode attributes = Json.object(context, "attributes");
        JsonNode onBehalfOf = Json.object(node, "onBehalfOf");
        String webIdProvider = Json.text(Json.object(context, "webIdFederationData"), "federatedProvider");
        String provider = Json.text(node, "identityProvider");
        return new UserIdentity(
                IdentityType.of(typeName),
                typeName,
                Json.text(node, "principalId"),
                Json.text(node, "arn"),
                Json.text(node, "accountId"),
                Json.text(node, "accessKeyId"),
                Json.text(node, "userName"),
                issuer,
                attributes == null ? null : Json.bool(attributes.get("mfaAuthenticated")),
                Json.text(node, "invokedBy"),
                provider != null ? provider : webIdProvider,
                Json.text(onBehalfOf, "userId"),
                Json.text(onBehalfOf, "identityStoreArn"),
                Json.text(context, "sourceIdentity"),
                Json.text(node, "credentialId"));
    }
}
