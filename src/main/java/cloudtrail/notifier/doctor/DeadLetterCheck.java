package cloudtrail.notifier.doctor;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Nothing waits in the dead-letter queue. Events land there when a rule could not put them on the
 * notification queue, or the function failed on them 5 times (the queue's redrive policy): each one is
 * a notification nobody received.
 */
record DeadLetterCheck() implements Check {

    @Override
    public Topic topic() {
        return Topic.DEAD_LETTERS;
    }

    @Override
    public String permissions() {
        return "cloudformation:DescribeStacks, sqs:GetQueueAttributes";
    }

    @Override
    public CheckResult run(Context c) {
        String url = c.output("DeadLetterQueueUrl");
        Map<QueueAttributeName, String> attributes = c.aws().sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        // messages someone is reading right now (not visible) are still waiting too
        long waiting = count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        if (waiting == 0) {
            return CheckResult.ok(topic(), c.text(Text.DEAD_LETTERS_OK));
        }
        return CheckResult.problem(topic(), c.text(Text.DEAD_LETTERS_WAITING, waiting), c.text(Text.DEAD_LETTERS_ADVICE, c.home().id(), url));
    }

    private static long count(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }
}
