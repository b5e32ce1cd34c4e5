package cloudtrail.notifier.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.Burst;
import cloudtrail.notifier.testing.Burst.Actor;
import cloudtrail.notifier.testing.FaultyEndpoint;
import cloudtrail.notifier.testing.LambdaSandbox;
import cloudtrail.notifier.testing.MotoTopic;
import cloudtrail.notifier.testing.RuntimeApi;
import cloudtrail.notifier.testing.SamTemplate;
import cloudtrail.notifier.testing.SqsBatches;
import cloudtrail.notifier.testing.SqsQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The function as it runs deployed: the rules put events on a queue, and Lambda's event source mapping
 * hands the function a batch of them (Lambda's SQS event) through the real runtime interface client
 * ({@link LambdaSandbox}, template.yaml's handler and environment), then deletes the messages the
 * function did not report as failed. SNS, SQS and the DynamoDB ledger are moto's.
 */
class QueueConsumerIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(150);

    @RegisterExtension
    static final MotoTopic SNS = new MotoTopic("queue-consumer");

    /** The stack's NotificationQueue: where the rules put events. */
    private static SqsQueue rulesQueue;

    @BeforeAll
    static void createTheRulesQueue() throws Exception {
        rulesQueue = SqsQueue.create(SNS.moto().endpoint(), MotoTopic.REGION, "notification-queue");
    }

    @BeforeEach
    void emptyTheQueues() throws Exception {
        SNS.queue().drain();
        rulesQueue.drain();
    }

    @Test
    void aBurstOfTwoHundredFromThreeActorsWithDuplicatesBecomesAFewDigestsAndTheSameBatchAgainNothing() throws Exception {
        // Given a burst: Terraform (one of its changes critical), a CloudFormation stack update and a console session,
        // 180 distinct events and 20 exact duplicates, in one batch as the event source mapping gathers it
        Burst burst = new Burst(13);
        List<String> distinct = new ArrayList<>();
        distinct.add(burst.event("cloudtrail-stop-logging.json", Actor.TERRAFORM));
        for (int i = 0; i < 69; i++) {
            distinct.add(burst.event("ec2-authorize-security-group-ingress.json", Actor.TERRAFORM));
        }
        for (int i = 0; i < 60; i++) {
            distinct.add(burst.event(i % 2 == 0 ? "ec2-create-route.json" : "ec2-create-vpc.json", Actor.CLOUDFORMATION));
        }
        for (int i = 0; i < 50; i++) {
            distinct.add(burst.event("ec2-authorize-security-group-ingress.json", Actor.CONSOLE));
        }
        List<String> messages = new ArrayList<>(distinct);
        for (String again : burst.shuffled(distinct).subList(0, 20)) {
            messages.add(again);
        }
        List<SqsQueue.Received> batch = enqueue(burst.shuffled(messages));
        assertEquals(200, batch.size());

        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, SNS.moto().endpoint().toString(), SNS.newLedger())) {
            // When the function handles the batch
            Set<String> failed = invoke(api, function, batch);

            // Then nothing is left for a retry, and at most 15 notifications were published
            assertEquals(Set.of(), failed, function.output());
            List<SqsQueue.Delivery> deliveries = deliveries();
            assertTrue(function.output().contains("\"Messages\":200,\"Events\":180,"), function.output());
            assertTrue(deliveries.size() <= 15, deliveries.size() + " notifications");
            deliveries.forEach(d -> System.out.println("published: " + d.subject()));

            // and each distinct event is in exactly one of them
            for (String event : distinct) {
                String id = Burst.eventId(event);
                long in = deliveries.stream().filter(d -> d.message().contains(id)).count();
                assertEquals(1, in, "notifications carrying " + id);
            }
            // and the Terraform burst is one digest led by its critical event, whose reason opens the body
            SqsQueue.Delivery terraform = deliveries.stream().filter(d -> d.subject().contains("Terraform")).findFirst().orElseThrow();
            assertTrue(terraform.subject().startsWith("【重大】Terraform による 70 件の変更（hanako.suzuki・111122223333）"),
                    terraform.subject());
            assertEquals("critical", terraform.attributes().get("severity"));
            String opening = String.join("\n", terraform.message().lines().limit(10).toList());
            assertTrue(opening.contains("重大な操作: "), opening);

            // When the same batch is delivered again (SQS redelivers it, or EventBridge sent every event twice)
            Set<String> again = invoke(api, function, batch);

            // Then it succeeds and publishes nothing
            assertEquals(Set.of(), again, function.output());
            assertEquals(List.of(), SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(3)));
        }
    }

    @Test
    void aPublishThatFailsForOneRecordReportsOnlyThatRecordAndItsRetryPublishesIt() throws Exception {
        Burst burst = new Burst(14);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(burst.event("ec2-authorize-security-group-ingress.json", Actor.TERRAFORM));
        }
        String refused = burst.event("iam-create-access-key.json", Actor.session("refused-by-sns"));
        events.add(refused);
        events.add(burst.event("ec2-create-vpc.json", Actor.session("ichiro.sato")));
        events.add(burst.event("ec2-create-route.json", Actor.session("jiro.tanaka")));
        List<SqsQueue.Received> batch = enqueue(events);
        String table = SNS.newLedger();

        try (FaultyEndpoint sns = FaultyEndpoint.failingWhenBodyContains("refused-by-sns", SNS.moto().endpoint());
                RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, sns.endpoint().toString(), table)) {
            // When SNS refuses the one notification about "refused-by-sns"
            Set<String> failed = invoke(api, function, batch);

            // Then only its message is reported, and the others (a digest and two single events) were published
            String refusedMessage = batch.stream().filter(m -> m.body().equals(refused)).findFirst().orElseThrow().messageId();
            assertEquals(Set.of(refusedMessage), failed, function.output());
            List<SqsQueue.Delivery> deliveries = deliveries();
            assertEquals(3, deliveries.size(), deliveries.toString());
            String refusedId = Burst.eventId(refused);
            assertFalse(deliveries.stream().anyMatch(d -> d.message().contains(refusedId)));
        }
        // When SQS delivers that message again, to a function SNS answers
        List<SqsQueue.Received> retry = rulesQueue.receiveMessages(10, Duration.ofSeconds(720));
        assertEquals(1, retry.size(), "only the failed message comes back");
        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, SNS.moto().endpoint().toString(), table)) {
            assertEquals(Set.of(), invoke(api, function, retry), function.output());
            List<SqsQueue.Delivery> deliveries = deliveries();
            assertEquals(1, deliveries.size());
            assertTrue(deliveries.get(0).message().contains(Burst.eventId(refused)));
        }
    }

    @Test
    void aSlowSnsStillDeliversInTheInvocationAndARedeliveryAddsNothing() throws Exception {
        Burst burst = new Burst(15);
        String event = burst.event("kms-schedule-key-deletion.json", Actor.session("slow.sns"));
        List<SqsQueue.Received> batch = enqueue(List.of(event));

        // SNS takes the first publish but answers after the client's 6-second attempt timeout
        try (FaultyEndpoint sns = FaultyEndpoint.answeringLate(1, Duration.ofSeconds(8), SNS.moto().endpoint());
                RuntimeApi api = new RuntimeApi(); LambdaSandbox function = start(api, sns.endpoint().toString(), SNS.newLedger())) {
            Set<String> failed = invoke(api, function, batch);

            assertEquals(Set.of(), failed, function.output());
            List<SqsQueue.Delivery> deliveries = deliveries();
            // the SDK's retry publishes again: the lost answer is the duplicate SECURITY.md names, and the only one
            assertEquals(2, deliveries.size(), deliveries.toString());
            assertEquals(2, sns.requests());

            assertEquals(Set.of(), invoke(api, function, batch), function.output());
            assertEquals(List.of(), SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(3)));
        }
    }

    @Test
    void publishesArePacedWellUnderTheEmailLimitByAsManyEnvironmentsAsTheQueueRuns() throws Exception {
        // Given as many execution environments as the event source mapping may run, each with a batch of 10 events
        // from 10 people (no digest: 10 notifications each), started together, sharing the ledger as deployed
        var template = SamTemplate.load();
        int perSecond = Integer.parseInt(template.functionEnvironment(SNS.resources()).get("MAX_PUBLISHES_PER_SECOND"));
        int environments = template.function().path("Events").path("Queue").path("Properties").path("ScalingConfig")
                .path("MaximumConcurrency").asInt();
        assertTrue(environments >= 2, "MaximumConcurrency " + environments);
        Burst burst = new Burst(16);
        String table = SNS.newLedger();
        List<RuntimeApi> apis = new ArrayList<>();
        List<LambdaSandbox> functions = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<RuntimeApi.Result>> results = new ArrayList<>();
        try {
            List<List<SqsQueue.Received>> batches = new ArrayList<>();
            for (int e = 0; e < environments; e++) {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    events.add(burst.event("ec2-create-vpc.json", Actor.session("env" + e + "-operator-" + i)));
                }
                batches.add(enqueue(events));
                apis.add(new RuntimeApi());
                functions.add(start(apis.get(e), SNS.moto().endpoint().toString(), table));
            }
            // When every environment handles its batch at the same time
            for (int e = 0; e < environments; e++) {
                results.add(apis.get(e).invoke(SqsBatches.event("arn:aws:sqs:ap-northeast-1:123456789012:notification-queue",
                        batches.get(e))));
            }
            for (int e = 0; e < environments; e++) {
                RuntimeApi.Result result = functions.get(e).await(results.get(e), AWAIT);
                assertEquals("{\"batchItemFailures\":[]}", result.body(), functions.get(e).output());
            }
        } finally {
            functions.forEach(LambdaSandbox::close);
            apis.forEach(RuntimeApi::close);
        }
        List<SqsQueue.Delivery> deliveries = SNS.queue().receive(environments * 10, Duration.ofSeconds(30));
        deliveries.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(3)));
        assertEquals(environments * 10, deliveries.size());

        // Then no second at SNS holds more than MAX_PUBLISHES_PER_SECOND from one environment, nor more than that
        // times MaximumConcurrency from all: well under the 10 a second that suspends an e-mail subscription
        for (int e = 0; e < environments; e++) {
            String who = "env" + e + "-";
            List<Instant> times = deliveries.stream().filter(d -> d.subject().contains(who)).map(SqsQueue.Delivery::timestamp)
                    .sorted().toList();
            assertEquals(10, times.size());
            int most = mostInOneSecond(times);
            System.out.printf("publish rate, environment %d: %.2f per second, at most %d in any second%n", e, rate(times), most);
            assertTrue(most <= perSecond, most + " publishes within one second from environment " + e);
        }
        List<Instant> all = deliveries.stream().map(SqsQueue.Delivery::timestamp).sorted().toList();
        int most = mostInOneSecond(all);
        System.out.printf("publish rate, topic: %.2f per second over %d publishes, at most %d in any second%n", rate(all), all.size(), most);
        assertTrue(most <= perSecond * environments && most < 10, most + " publishes within one second on the topic");
    }

    private static int mostInOneSecond(List<Instant> sorted) {
        int most = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int in = 0;
            for (int j = i; j < sorted.size() && sorted.get(j).isBefore(sorted.get(i).plusMillis(1000)); j++) {
                in++;
            }
            most = Math.max(most, in);
        }
        return most;
    }

    private static double rate(List<Instant> sorted) {
        return (sorted.size() - 1) * 1000.0 / Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)).toMillis();
    }

    @Test
    void aPatternRemovedFromTheParameterStopsSuppressingWithoutANewVersion() throws Exception {
        // Given the stack's parameter suppressing CreateVpc, read by the function every second (a minute deployed)
        String parameter = SNS.newSuppressionParameter(
                "[{\"name\": \"ci-vpc\", \"pattern\": {\"detail\": {\"eventName\": [\"CreateVpc\"]}}}]");
        Map<String, String> env = SNS.deployedEnvironment(SNS.moto().endpoint().toString(), SNS.newLedger());
        env.put("SUPPRESSION_PARAMETER", parameter);
        env.put("SETTINGS_REFRESH_SECONDS", "1");
        Burst burst = new Burst(17);
        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = LambdaSandbox.start(api, false, env)) {
            // When a CreateVpc arrives, it is counted and not sent
            assertEquals(Set.of(), invoke(api, function, enqueue(List.of(burst.event("ec2-create-vpc.json", Actor.session("ci"))))));
            assertEquals(List.of(), SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(3)));
            assertTrue(function.output().contains("\"suppressionPattern\":\"ci-vpc\""), function.output());

            // When an operator removes the pattern from the parameter (no deployment, no new version)
            SNS.setParameter(parameter, "[]");
            Thread.sleep(1_500);

            // Then the next CreateVpc is notified
            assertEquals(Set.of(), invoke(api, function, enqueue(List.of(burst.event("ec2-create-vpc.json", Actor.session("ci"))))));
            List<SqsQueue.Delivery> deliveries = deliveries();
            assertEquals(1, deliveries.size());
            assertTrue(deliveries.get(0).subject().startsWith("【警告】VPC の作成"), deliveries.get(0).subject());
        }
    }

    @Test
    void theStacksAccountNamesAppearWithTheIdAndAChangeAppliesWithoutANewVersion() throws Exception {
        // Given the template's AccountNamesParameter, read by the function every second (a minute deployed)
        String parameter = SNS.newSuppressionParameter("111122223333=本番");
        Map<String, String> env = SNS.deployedEnvironment(SNS.moto().endpoint().toString(), SNS.newLedger());
        env.put("ACCOUNT_NAMES_PARAMETER", parameter);
        env.put("SETTINGS_REFRESH_SECONDS", "1");
        Burst burst = new Burst(18);
        try (RuntimeApi api = new RuntimeApi(); LambdaSandbox function = LambdaSandbox.start(api, false, env)) {
            assertEquals(Set.of(), invoke(api, function, enqueue(List.of(burst.event("ec2-create-vpc.json", Actor.session("a"))))));
            List<SqsQueue.Delivery> first = deliveries();
            assertEquals(1, first.size());
            assertTrue(first.get(0).subject().endsWith("・本番（111122223333））"), first.get(0).subject());
            assertTrue(first.get(0).message().contains("どこで: アカウント 本番（111122223333）、"), first.get(0).message());

            SNS.setParameter(parameter, "111122223333=本番環境");
            Thread.sleep(1_500);

            assertEquals(Set.of(), invoke(api, function, enqueue(List.of(burst.event("ec2-create-vpc.json", Actor.session("b"))))));
            List<SqsQueue.Delivery> second = deliveries();
            assertTrue(second.get(0).subject().endsWith("・本番環境（111122223333））"), second.get(0).subject());
        }
    }

    /** Puts the events on the rules' queue and receives them back as one batch, as the event source mapping does. */
    private static List<SqsQueue.Received> enqueue(List<String> events) throws Exception {
        for (String e : events) {
            rulesQueue.send(e);
        }
        // the template's VisibilityTimeout: no message comes back while the batch is gathered and handled
        List<SqsQueue.Received> batch = rulesQueue.receiveMessages(events.size(), Duration.ofSeconds(720));
        assertEquals(events.size(), batch.size(), "received from the queue");
        return batch;
    }

    /** Invokes with Lambda's SQS event; deletes the messages not reported as failures; returns those reported. */
    private static Set<String> invoke(RuntimeApi api, LambdaSandbox function, List<SqsQueue.Received> batch) throws Exception {
        RuntimeApi.Result result = function.await(api.invoke(SqsBatches.event(
                "arn:aws:sqs:ap-northeast-1:123456789012:notification-queue", batch)), AWAIT);
        assertFalse(result.error(), result.body() + "\n" + function.output());
        JsonNode response = MAPPER.readTree(result.body());
        assertTrue(response.path("batchItemFailures").isArray(), result.body());
        Set<String> failed = new LinkedHashSet<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        for (SqsQueue.Received m : batch) {
            if (failed.contains(m.messageId())) {
                rulesQueue.release(m.receiptHandle()); // the test does not wait out the visibility timeout
            } else {
                rulesQueue.delete(m.receiptHandle());
            }
        }
        return failed;
    }

    private static List<SqsQueue.Delivery> deliveries() throws IOException, InterruptedException {
        List<SqsQueue.Delivery> out = SNS.queue().receive(1, Duration.ofSeconds(20));
        out.addAll(SNS.queue().receive(Integer.MAX_VALUE, Duration.ofSeconds(3)));
        return out;
    }

    /** Deployed with the template's environment; the execution role's keys in the environment, as without SnapStart. */
    private static LambdaSandbox start(RuntimeApi api, String snsEndpoint, String table) throws IOException {
        return LambdaSandbox.start(api, false, SNS.deployedEnvironment(snsEndpoint, table));
    }
}
