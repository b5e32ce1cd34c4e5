package cloudtrail.notifier.doctor;

import java.util.List;

/**
 * One thing that, when wrong, leaves a deployed notifier silent. A check throws when it cannot
 * look (an SDK failure, or the stack it needs is missing); the runner turns that into an UNCHECKED
 * line naming the permissions it needed, so one failure never hides the other checks' findings.
 */
sealed interface Check permits IdentityCheck, TrailCheck, SubscriptionCheck, AliasCheck, RulesCheck, DeadLetterCheck, ForwarderCheck {

    Topic topic();

    /** The IAM actions the check calls, named when it could not run. */
    String permissions();

    CheckResult run(Context context);

    static List<Check> all() {
        return List.of(new IdentityCheck(), new TrailCheck(), new SubscriptionCheck(), new AliasCheck(), new RulesCheck(),
                new DeadLetterCheck(), new ForwarderCheck());
    }
}
