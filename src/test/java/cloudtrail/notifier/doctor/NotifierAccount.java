package cloudtrail.notifier.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.rules.ExternalTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A notifier deployment built in moto, healthy or with chosen faults. What is real and what is not:
 * <ul>
 * <li>The EventBridge rules are template.yaml's rules after SAM's transform (src/test/python/sam_transform.py),
 *     with their logical IDs, patterns and Fn::If states, deployed by moto's CloudFormation with the
 *     stack's parameters; only their Targets are left out (the notification queue is a stand-in
 *     here, and no event is ever sent).</li>
 * <li>The topics, the queues, the table, the function and its role are plain CloudFormation resources in
 *     the same stack, with template.yaml's outputs; the e-mail subscription, the versions and the alias
 *     `live` are made through the API after the stack (moto's CloudFormation has no AWS::SNS::Subscription
 *     nor AWS::Lambda::Alias).</li>
 * <li>moto confirms every subscription at once, an e-mail one too: a pending one cannot exist in it,
 *     so the tests put a stub in front of SNS for that case.</li>
 * <li>The trail, its bucket and the forwarder stack (forwarder.yaml itself) are real moto resources.</li>
 * </ul>
 */
final class NotifierAccount {
    static final String REGION = "ap-northeast-1";
    static final String STACK = "cloudtrail-notifier";
    static final String EMAIL = "ops@example.com";
    static final String WATCHED_SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What to break; {@link #HEALTHY} breaks nothing. */
    record Faults(boolean trailStopped, boolean aliasBehind, String disabledRule, int deadLetters, boolean noForwarder,
            Map<String, String> parameters) {
        static final Faults HEALTHY = new Faults(false, false, null, 0, false, Map.of());
    }

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final URI endpoint;
    private boolean bucket;

    NotifierAccount(URI endpoint) {
        this.endpoint = endpoint;
    }

    void deploy(Faults faults) throws Exception {
        try (CloudFormationClient home = cfn(REGION);
             LambdaClient lambda = LambdaClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.of(REGION)).build();
             SqsClient sqs = SqsClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.of(REGION)).build();
             var sns = software.amazon.awssdk.services.sns.SnsClient.builder().httpClient(http).endpointOverride(endpoint)
                     .region(Region.of(REGION)).build()) {
            // the usual setup: one multi-region trail created in us-east-1, seen from the home region as a shadow trail
            trail("us-east-1", "management-events", true, !faults.trailStopped());

            create(home, STACK, stackTemplate(faults.disabledRule()), parameters(faults.parameters()));
            Map<String, String> outputs = outputs(home, STACK);
            sns.subscribe(b -> b.topicArn(outputs.get("TopicArn")).protocol("email").endpoint(EMAIL));
            String function = outputs.get("FunctionArn");
            lambda.publishVersion(b -> b.functionName(function));
            SdkBytes newCode = SdkBytes.fromByteArray(zip("print('v2')"));
            lambda.updateFunctionCode(b -> b.functionName(function).zipFile(newCode));
            lambda.publishVersion(b -> b.functionName(function));
            lambda.createAlias(b -> b.functionName(function).name("live").functionVersion(faults.aliasBehind() ? "1" : "2"));
            for (int i = 0; i < faults.deadLetters(); i++) {
                int n = i;
                sqs.sendMessage(b -> b.queueUrl(outputs.get("DeadLetterQueueUrl")).messageBody("{\"undelivered\":" + n + "}"));
            }

            if (!faults.noForwarder()) {
                forwarder(REGION);
            }
        }
    }

    /** A trail, with the bucket CloudTrail insists on (made once). */
    void trail(String region, String name, boolean multiRegion, boolean logging) {
        try (CloudFormationClient east = cfn("us-east-1");
             CloudTrailClient trails = CloudTrailClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.of(region)).build()) {
            if (!bucket) {
                create(east, "trail-bucket", "{\"Resources\":{\"Bucket\":{\"Type\":\"AWS::S3::Bucket\","
                        + "\"Properties\":{\"BucketName\":\"notifier-trail-logs\"}}}}", List.of());
                bucket = true;
            }
            trails.createTrail(b -> b.name(name).s3BucketName("notifier-trail-logs").isMultiRegionTrail(multiRegion));
            if (logging) {
                trails.startLogging(b -> b.name(name));
            }
        }
    }

    /** forwarder.yaml itself, deployed in us-east-1 by moto's CloudFormation. */
    void forwarder(String homeRegion) throws IOException {
        try (CloudFormationClient east = cfn("us-east-1")) {
            create(east, "cloudtrail-notifier-forwarder", java.nio.file.Files.readString(java.nio.file.Path.of("forwarder.yaml")),
                    List.of(Parameter.builder().parameterKey("HomeRegion").parameterValue(homeRegion).build()));
        }
    }

    /**
     * An IAM user with an access key, for the command-line test: moto's GetCallerIdentity names the
     * user whose key signed the call, so the report shows which credentials the SDK found.
     */
    Map<String, String> operatorKey(String user) {
        try (CloudFormationClient cfn = cfn(REGION)) {
            create(cfn, "operator", """
                    {"Resources": {
                      "User": {"Type": "AWS::IAM::User", "Properties": {"UserName": "%s"}},
                      "Key": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": {"Ref": "User"}}}},
                     "Outputs": {
                      "KeyId": {"Value": {"Ref": "Key"}},
                      "Secret": {"Value": {"Fn::GetAtt": ["Key", "SecretAccessKey"]}}}}""".formatted(user), List.of());
            return outputs(cfn, "operator");
        }
    }

    private CloudFormationClient cfn(String region) {
        return CloudFormationClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.of(region)).build();
    }

    private static void create(CloudFormationClient cfn, String name, String template, List<Parameter> parameters) {
        cfn.createStack(b -> b.stackName(name).templateBody(template).parameters(parameters)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
        String status = cfn.describeStacks(b -> b.stackName(name)).stacks().get(0).stackStatusAsString();
        assertEquals("CREATE_COMPLETE", status, name);
    }

    private static Map<String, String> outputs(CloudFormationClient cfn, String name) {
        Map<String, String> outputs = new java.util.HashMap<>();
        cfn.describeStacks(b -> b.stackName(name)).stacks().get(0).outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        return outputs;
    }

    private static List<Parameter> parameters(Map<String, String> values) {
        List<Parameter> out = new ArrayList<>();
        // moto's CloudFormation turns the empty default of this list parameter into "" and then refuses
        // SecretRead's pattern ("secretId must be an object or an array"); CloudFormation gives [""]
        out.add(Parameter.builder().parameterKey("WatchedSecretArns").parameterValue(WATCHED_SECRET).build());
        values.forEach((k, v) -> out.add(Parameter.builder().parameterKey(k).parameterValue(v).build()));
        return out;
    }

    /** The stack: template.yaml's parameters, conditions and rules as SAM deploys them, and stand-ins for the rest. */
    private static String stackTemplate(String disabledRule) throws IOException, InterruptedException {
        ExternalTool.Result sam = ExternalTool.run("python3", "src/test/python/sam_transform.py", "template.yaml");
        assertEquals(0, sam.exitCode(), sam.stderr());
        JsonNode transformed = MAPPER.readTree(sam.stdout());
        ObjectNode template = MAPPER.createObjectNode();
        template.set("Parameters", transformed.get("Parameters"));
        template.set("Conditions", transformed.get("Conditions"));
        ObjectNode resources = template.putObject("Resources");
        transformed.get("Resources").properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Events::Rule")) {
                ObjectNode rule = r.getValue().deepCopy();
                ObjectNode properties = (ObjectNode) rule.get("Properties");
                properties.remove("Targets");
                if (r.getKey().equals(disabledRule)) {
                    // changed by hand after deployment, as an operator silencing a noisy rule would
                    properties.put("State", "DISABLED");
                }
                resources.set(r.getKey(), rule);
            }
        });
        resources.set("NotificationTopic", MAPPER.readTree("{\"Type\":\"AWS::SNS::Topic\"}"));
        resources.set("AlarmTopic", MAPPER.readTree("{\"Type\":\"AWS::SNS::Topic\"}"));
        resources.set("DeadLetterQueue", MAPPER.readTree("{\"Type\":\"AWS::SQS::Queue\"}"));
        resources.set("NotificationQueue", MAPPER.readTree("{\"Type\":\"AWS::SQS::Queue\"}"));
        // with a Name: moto's CloudFormation fails (HTTP 500) on a parameter without one, where CloudFormation makes one up
        resources.set("SuppressionPatternsParameter", MAPPER.readTree(
                "{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Name\":\"notifier-suppression\",\"Type\":\"String\",\"Value\":\"[]\"}}"));
        resources.set("AccountNamesParameter", MAPPER.readTree(
                "{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Name\":\"notifier-account-names\",\"Type\":\"String\",\"Value\":\"-\"}}"));
        resources.set("DeliveredEvents", MAPPER.readTree("""
                {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST",
                  "AttributeDefinitions": [{"AttributeName": "eventId", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "eventId", "KeyType": "HASH"}]}}"""));
        resources.set("NotifierFunctionRole", MAPPER.readTree("""
                {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}"""));
        ObjectNode function = (ObjectNode) MAPPER.readTree("""
                {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12", "Handler": "index.handler",
                  "Role": {"Fn::GetAtt": ["NotifierFunctionRole", "Arn"]}, "Code": {"ZipFile": "print('v1')"}}}""");
        resources.set("NotifierFunction", function);
        template.set("Outputs", transformed.get("Outputs"));
        return MAPPER.writeValueAsString(template);
    }

    private static byte[] zip(String code) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write(code.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
