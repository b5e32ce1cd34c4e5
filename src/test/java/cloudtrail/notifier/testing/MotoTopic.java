package cloudtrail.notifier.testing;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** A moto_server with an SNS topic that delivers to an SQS queue: where the integration tests publish. */
public final class MotoTopic implements AutoCloseable {
    public static final String REGION = "ap-northeast-1";

    private final MotoServer moto;
    private final String topicArn;
    private final SqsQueue queue;

    private MotoTopic(MotoServer moto, String topicArn, SqsQueue queue) {
        this.moto = moto;
        this.topicArn = topicArn;
        this.queue = queue;
    }

    public static MotoTopic start(String name) throws Exception {
        MotoServer moto = MotoServer.start();
        try (SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).build()) {
            String topicArn = sns.createTopic(b -> b.name(name)).topicArn();
            SqsQueue queue = SqsQueue.create(moto.endpoint(), REGION, name);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queue.arn()));
            return new MotoTopic(moto, topicArn, queue);
        } catch (Exception | Error e) {
            moto.close();
            throw e;
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

    @Override
    public void close() {
        moto.close();
    }
}
