package cloudtrail.notifier.doctor;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * Away from us-east-1, the forwarder stack (forwarder.yaml) is deployed there and forwards to this
 * region: IAM, console sign-in and Organizations events exist only in us-east-1.
 */
record ForwarderCheck() implements Check {
    /** States in which the stack's resources are all in place; UPDATE_ROLLBACK_COMPLETE keeps the previous, working template. */
    static final Set<String> COMPLETE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
            "IMPORT_ROLLBACK_COMPLETE");

    @Override
    public Topic topic() {
        return Topic.FORWARDER;
    }

    @Override
    public String permissions() {
        return "cloudformation:DescribeStacks (us-east-1)";
    }

    @Override
    public CheckResult run(Context c) {
        Region home = c.home();
        if (home.equals(Region.US_EAST_1)) {
            return CheckResult.ok(topic(), c.text(Text.FORWARDER_NOT_NEEDED));
        }
        String name = c.options().forwarderStack();
        String deploy = c.text(Text.FORWARDER_ADVICE, name, home.id());
        software.amazon.awssdk.services.cloudformation.model.Stack stack;
        try {
            stack = c.aws().cloudFormation(Region.US_EAST_1).describeStacks(b -> b.stackName(name)).stacks().get(0);
        } catch (SdkException e) {
            if (Reasons.stackDoesNotExist(e)) {
                return CheckResult.problem(topic(), c.text(Text.FORWARDER_MISSING, name, home.id()), deploy);
            }
            throw e;
        }
        String status = stack.stackStatusAsString();
        if (!COMPLETE.contains(status)) {
            return CheckResult.problem(topic(), c.text(Text.FORWARDER_BAD_STATUS, name, status), c.text(Text.FORWARDER_BAD_STATUS_ADVICE));
        }
        String target = stack.parameters().stream().filter(p -> "HomeRegion".equals(p.parameterKey()))
                .map(Parameter::parameterValue).findFirst().orElse("?");
        if (!home.id().equals(target)) {
            return CheckResult.problem(topic(), c.text(Text.FORWARDER_WRONG_HOME, name, target, home.id()), deploy);
        }
        return CheckResult.ok(topic(), c.text(Text.FORWARDER_OK, name, status, target));
    }
}
