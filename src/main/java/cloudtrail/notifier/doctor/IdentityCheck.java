package cloudtrail.notifier.doctor;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Whose credentials are looking: a clean report about the wrong account is the easiest mistake to make. */
record IdentityCheck() implements Check {

    @Override
    public Topic topic() {
        return Topic.IDENTITY;
    }

    @Override
    public String permissions() {
        return "sts:GetCallerIdentity";
    }

    @Override
    public CheckResult run(Context c) {
        try {
            GetCallerIdentityResponse me = c.aws().sts().getCallerIdentity();
            return CheckResult.ok(topic(), c.text(Text.IDENTITY_OK, me.account(), me.arn()));
        } catch (SdkException e) {
            // with no usable credentials every other check fails the same way: say how to get some
            return CheckResult.unchecked(topic(), c.text(Text.IDENTITY_FAILED, Reasons.of(e)), c.text(Text.IDENTITY_ADVICE));
        }
    }
}
