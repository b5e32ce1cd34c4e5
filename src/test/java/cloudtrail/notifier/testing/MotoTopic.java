package cloudtrail.notifier.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A moto_server with an SNS topic that delivers to an SQS queue: where the integration tests publish.
 * Register it with {@code @RegisterExtension static final MotoTopic SNS = new MotoTopic("name")}; it
 * starts before the class's tests and stops after them.
 */
public final class MotoTopic implements BeforeAllCallback, AfterAllCallback {
    public static final String REGION = "ap-northeast-1";

    private final String name;
    private MotoServer moto;
    private String topicArn;
    private SqsQueue queue;

    public MotoTopic(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        moto = MotoServer.start();
        try (SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).build()) {
            topicArn = sns.createTopic(b -> b.name(name)).topicArn();
            queue = SqsQueue.create(moto.endpoint(), REGION, name);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (moto != null) {
            moto.close();
        }
    }

    public MotoServer moto() {
        return moto;
    }

    public String topicArn() {
        return topicArn;
    }

    public SqsQueue queue() {
        return queue;
    }
}
