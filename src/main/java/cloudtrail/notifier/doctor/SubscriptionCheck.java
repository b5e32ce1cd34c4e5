package cloudtrail.notifier.doctor;

import java.util.List;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The topic's e-mail subscription is confirmed. Until the address confirms, SNS accepts every
 * publish and delivers nothing, and the function's logs show only successes.
 */
record SubscriptionCheck() implements Check {
    /** What SNS lists in place of a subscription's ARN until it is confirmed. */
    static final String PENDING = "PendingConfirmation";

    @Override
    public Topic topic() {
        return Topic.SUBSCRIPTION;
    }

    @Override
    public String permissions() {
        return "cloudformation:DescribeStacks, sns:ListSubscriptionsByTopic";
    }

    @Override
    public CheckResult run(Context c) {
        String topicArn = c.output("TopicArn");
        List<Subscription> mail = c.aws().sns().listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> s.protocol() != null && s.protocol().startsWith("email"))
                .toList();
        if (mail.isEmpty()) {
            return CheckResult.problem(topic(), c.text(Text.SUBSCRIPTION_NONE, topicArn), c.text(Text.SUBSCRIPTION_NONE_ADVICE));
        }
        List<String> pending = mail.stream().filter(s -> PENDING.equals(s.subscriptionArn())).map(Subscription::endpoint).toList();
        if (!pending.isEmpty()) {
            return CheckResult.problem(topic(), c.text(Text.SUBSCRIPTION_PENDING, c.join(pending)),
                    c.text(Text.SUBSCRIPTION_PENDING_ADVICE, c.home().id(), topicArn));
        }
        return CheckResult.ok(topic(), c.text(Text.SUBSCRIPTION_OK, c.join(mail.stream().map(Subscription::endpoint).toList())));
    }
}
