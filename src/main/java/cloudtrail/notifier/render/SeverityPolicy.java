package cloudtrail.notifier.render;

import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.IdentityType;
import cloudtrail.notifier.event.OtherEvent;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks an event. The first matching reason wins, in the order below, so that the thing most worth
 * waking someone for decides: root use and blinding the audit trail first, then failures and denials
 * that suggest somebody probing, then changes to who may do what, then everything else.
 */
public final class SeverityPolicy {
    private static final Set<String> AUDIT_TAMPERING = Set.of(
            "cloudtrail.amazonaws.com StopLogging",
            "cloudtrail.amazonaws.com DeleteTrail",
            "cloudtrail.amazonaws.com UpdateTrail",
            "cloudtrail.amazonaws.com PutEventSelectors",
            "cloudtrail.amazonaws.com PutAdvancedEventSelectors",
            "cloudtrail.amazonaws.com DeleteEventDataStore",
            "cloudtrail.amazonaws.com StopEventDataStoreIngestion",
            "config.amazonaws.com StopConfigurationRecorder",
            "config.amazonaws.com DeleteConfigurationRecorder",
            "config.amazonaws.com DeleteDeliveryChannel",
            "guardduty.amazonaws.com DeleteDetector",
            "guardduty.amazonaws.com DisassociateFromMasterAccount",
            "guardduty.amazonaws.com DisassociateFromAdministratorAccount",
            "securityhub.amazonaws.com DisableSecurityHub",
            "organizations.amazonaws.com LeaveOrganization",
            "events.amazonaws.com DisableRule",
            "events.amazonaws.com DeleteRule",
            "events.amazonaws.com RemoveTargets");

    private static final Set<String> KEY_DISABLED = Set.of(
            "kms.amazonaws.com DisableKey",
            "kms.amazonaws.com ScheduleKeyDeletion");

    private static final Set<String> IAM_POLICY_CHANGE = Set.of(
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
            "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion",
            "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
            "AttachGroupPolicy", "DetachGroupPolicy", "UpdateAssumeRolePolicy",
            "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
            "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary");

    private static final Set<String> CREDENTIAL_CHANGE = Set.of(
            "iam.amazonaws.com CreateAccessKey",
            "iam.amazonaws.com UpdateAccessKey",
            "iam.amazonaws.com CreateLoginProfile",
            "iam.amazonaws.com UpdateLoginProfile",
            "iam.amazonaws.com CreateUser",
            "iam.amazonaws.com AddUserToGroup",
            "iam.amazonaws.com DeactivateMFADevice",
            "iam.amazonaws.com DeleteVirtualMFADevice",
            "iam.amazonaws.com UpdateAccountPasswordPolicy",
            "iam.amazonaws.com DeleteAccountPasswordPolicy",
            "iam.amazonaws.com CreateSAMLProvider",
            "iam.amazonaws.com CreateOpenIDConnectProvider",
            "signin.amazonaws.com PasswordRecoveryRequested",
            "sso.amazonaws.com CreateAccountAssignment",
            "sso.amazonaws.com AttachManagedPolicyToPermissionSet",
            "sso.amazonaws.com PutInlinePolicyToPermissionSet");

    private static final Set<String> AUDIT_CHANGE = Set.of(
            "cloudtrail.amazonaws.com CreateTrail",
            "cloudtrail.amazonaws.com StartLogging",
            "cloudtrail.amazonaws.com PutInsightSelectors",
            "cloudtrail.amazonaws.com UpdateEventDataStore",
            "config.amazonaws.com PutConfigurationRecorder",
            "config.amazonaws.com PutDeliveryChannel",
            "config.amazonaws.com DeleteConfigRule",
            "guardduty.amazonaws.com UpdateDetector",
            "guardduty.amazonaws.com CreateFilter",
            "guardduty.amazonaws.com DeleteMembers",
            "securityhub.amazonaws.com BatchDisableStandards",
            "kms.amazonaws.com DisableKeyRotation",
            "logs.amazonaws.com DeleteLogGroup");

    private static final Set<String> NETWORK_CHANGE = Set.of(
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules",
            "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
            "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
            "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
            "DeleteInternetGateway", "DetachInternetGateway",
            "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
            "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
            "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
            "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
            "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink");

    private static final Set<String> RESOURCE_POLICY_CHANGE = Set.of(
            "s3.amazonaws.com PutBucketPolicy",
            "s3.amazonaws.com DeleteBucketPolicy",
            "s3.amazonaws.com PutBucketAcl",
            "s3.amazonaws.com PutBucketCors",
            "s3.amazonaws.com DeleteBucketCors",
            "s3.amazonaws.com PutBucketLifecycle",
            "s3.amazonaws.com DeleteBucketLifecycle",
            "s3.amazonaws.com PutBucketReplication",
            "s3.amazonaws.com DeleteBucketReplication",
            "s3.amazonaws.com PutBucketPublicAccessBlock",
            "s3.amazonaws.com DeleteBucketPublicAccessBlock",
            "s3.amazonaws.com DeleteBucketEncryption",
            "kms.amazonaws.com PutKeyPolicy",
            "secretsmanager.amazonaws.com PutResourcePolicy",
            "ec2.amazonaws.com ModifySnapshotAttribute",
            "ec2.amazonaws.com ModifyImageAttribute",
            "ec2.amazonaws.com DisableEbsEncryptionByDefault");

    public Reason assess(CloudTrailRecord r) {
        return assess(r, Outcome.of(r));
    }

    public Reason assess(CloudTrailRecord r, Outcome outcome) {
        String source = r.eventSource() == null ? "" : r.eventSource();
        String name = r.eventName() == null ? "" : r.eventName();
        String call = source + ' ' + name;
        if (r.isInsight()) {
            // the start of unusual activity is worth a look; its end is for the record
            return r.insightEnded() ? Reason.ROUTINE : Reason.UNUSUAL_ACTIVITY;
        }
        if (r.userIdentity().type() == IdentityType.ROOT && r.userIdentity().invokedBy() == null) {
            return Reason.ROOT_ACTIVITY;
        }
        if (AUDIT_TAMPERING.contains(call)) {
            return Reason.AUDIT_TAMPERING;
        }
        if (KEY_DISABLED.contains(call)) {
            return Reason.KEY_DISABLED;
        }
        boolean failed = outcome.failed();
        if (r.isConsoleSignIn() && failed) {
            return Reason.SIGN_IN_FAILED;
        }
        if (isDenied(r.errorCode())) {
            return Reason.ACCESS_DENIED;
        }
        if ("iam.amazonaws.com".equals(source) && IAM_POLICY_CHANGE.contains(name)) {
            return Reason.IAM_POLICY_CHANGE;
        }
        if (CREDENTIAL_CHANGE.contains(call)) {
            return Reason.CREDENTIAL_CHANGE;
        }
        if ("ConsoleLogin".equals(name) && !failed && Boolean.FALSE.equals(r.mfaUsed())
                && r.userIdentity().type() == IdentityType.IAM_USER) {
            return Reason.SIGN_IN_WITHOUT_MFA;
        }
        if (AUDIT_CHANGE.contains(call)) {
            return Reason.AUDIT_CHANGE;
        }
        if ("organizations.amazonaws.com".equals(source) && !Boolean.TRUE.equals(r.readOnly()) && !isReadVerb(name)) {
            return Reason.ORGANIZATION_CHANGE;
        }
        if ("ec2.amazonaws.com".equals(source) && NETWORK_CHANGE.contains(name)) {
            return Reason.NETWORK_CHANGE;
        }
        if (RESOURCE_POLICY_CHANGE.contains(call)) {
            return Reason.RESOURCE_POLICY_CHANGE;
        }
        if (failed) {
            return Reason.FAILED_CALL;
        }
        return Reason.ROUTINE;
    }

    /** GuardDuty scores findings 1.0-8.9 (and up to 10 for critical ones): high is 7.0 and above. */
    public Reason assess(OtherEvent e) {
        Double severity = e.severity();
        if (severity == null) {
            return Reason.ROUTINE;
        }
        if (severity >= 7.0) {
            return Reason.FINDING_HIGH;
        }
        if (severity >= 4.0) {
            return Reason.FINDING_MEDIUM;
        }
        return Reason.FINDING_LOW;
    }

    /** Error codes services use for "you may not do this". */
    static boolean isDenied(String errorCode) {
        if (errorCode == null) {
            return false;
        }
        String c = errorCode.toLowerCase(Locale.ROOT);
        return c.contains("accessdenied") || c.contains("unauthorized") || c.contains("notauthorized")
                || c.contains("forbidden") || c.equals("authorizationerror");
    }

    private static boolean isReadVerb(String name) {
        return name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get");
    }
}
