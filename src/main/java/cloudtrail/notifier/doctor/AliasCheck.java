package cloudtrail.notifier.doctor;

import java.util.OptionalLong;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The alias `live`, which the queue's event source mapping invokes, points at the newest published
 * version. An alias left behind (a failed deployment, a manual rollback forgotten) runs old code without
 * any error.
 */
record AliasCheck() implements Check {
    static final String ALIAS = "live";

    @Override
    public Topic topic() {
        return Topic.ALIAS;
    }

    @Override
    public String permissions() {
        return "cloudformation:DescribeStacks, lambda:GetAlias, lambda:ListVersionsByFunction";
    }

    @Override
    public CheckResult run(Context c) {
        // by name: the stack's function is in the stack's account and region, so the name is as exact as
        // the ARN, reads better in the advice, and moto (the tests' AWS) lists no versions for an ARN
        String arn = c.output("FunctionArn");
        String[] parts = arn.split(":");
        String function = parts.length >= 7 ? parts[6] : arn;
        GetAliasResponse alias;
        try {
            alias = c.aws().lambda().getAlias(b -> b.functionName(function).name(ALIAS));
        } catch (ResourceNotFoundException e) {
            return CheckResult.problem(topic(), c.text(Text.ALIAS_MISSING, function), c.text(Text.ALIAS_MISSING_ADVICE));
        }
        // published versions are numbered; $LATEST is the unpublished code, never what the alias should name
        OptionalLong newest = c.aws().lambda().listVersionsByFunctionPaginator(b -> b.functionName(function)).versions().stream()
                .map(v -> v.version())
                .filter(v -> v.chars().allMatch(Character::isDigit))
                .mapToLong(Long::parseLong)
                .max();
        if (newest.isEmpty()) {
            return CheckResult.problem(topic(), c.text(Text.ALIAS_NO_VERSIONS, function), c.text(Text.ALIAS_MISSING_ADVICE));
        }
        String newestVersion = Long.toString(newest.getAsLong());
        if (newestVersion.equals(alias.functionVersion())) {
            return CheckResult.ok(topic(), c.text(Text.ALIAS_OK, newestVersion));
        }
        return CheckResult.problem(topic(), c.text(Text.ALIAS_BEHIND, alias.functionVersion(), newestVersion),
                c.text(Text.ALIAS_BEHIND_ADVICE, c.home().id(), function, newestVersion));
    }
}
