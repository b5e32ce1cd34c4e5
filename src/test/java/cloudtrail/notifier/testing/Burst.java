package cloudtrail.notifier.testing;

import cloudtrail.notifier.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A burst as one `terraform apply`, one stack update or one person in the console makes it: real sample
 * events (events/), each given its own event ID, target and time, attributed to one actor with one tool.
 */
public final class Burst {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Who makes the burst, and with what (the user agent). */
    public record Actor(String name, String type, String arn, String principalId, String userAgent) {
        public static final Actor TERRAFORM = new Actor("hanako.suzuki", "AssumedRole",
                "arn:aws:sts::111122223333:assumed-role/TerraformDeploy/hanako.suzuki", "AROAEXAMPLETERRAFORM:hanako.suzuki",
                "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.80.0 "
                        + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.3");
        public static final Actor CLOUDFORMATION = new Actor("AWSCloudFormation", "AssumedRole",
                "arn:aws:sts::111122223333:assumed-role/cfn-execution-role/AWSCloudFormation",
                "AROAEXAMPLECFNEXEC:AWSCloudFormation", "cloudformation.amazonaws.com");
        public static final Actor CONSOLE = new Actor("taro.yamada", "IAMUser", "arn:aws:iam::111122223333:user/taro.yamada",
                "AIDAEXAMPLECONSOLE", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36");

        /** Another actor of the same shape: a role session of its own. */
        public static Actor session(String name) {
            return new Actor(name, "AssumedRole", "arn:aws:sts::111122223333:assumed-role/Operator/" + name,
                    "AROAEXAMPLEOPERATOR:" + name, "aws-cli/2.22.10 md/awscrt#0.22.0 ua/2.0 os/linux#6.1 md/arch#x86_64");
        }
    }

    private final Random random;
    private int sequence;

    public Burst(long seed) {
        this.random = new Random(seed);
    }

    /** One event from the sample file, as this actor's, with a new event ID and target. */
    public String event(String sample, Actor actor) throws IOException {
        ObjectNode e = (ObjectNode) MAPPER.readTree(Fixtures.event(sample));
        int n = ++sequence;
        String id = uuid();
        e.put("id", uuid());
        String time = String.format("2026-11-21T14:%02d:%02dZ", (n / 60) % 60, n % 60);
        e.put("time", time);
        ObjectNode d = (ObjectNode) e.get("detail");
        d.put("eventID", id);
        d.put("eventTime", time);
        d.put("userAgent", actor.userAgent());
        ObjectNode who = d.putObject("userIdentity");
        who.put("type", actor.type());
        who.put("principalId", actor.principalId());
        who.put("arn", actor.arn());
        who.put("accountId", "111122223333");
        if (actor.type().equals("IAMUser")) {
            who.put("userName", actor.name());
        } else {
            String role = actor.arn().split("/")[1];
            ObjectNode issuer = who.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("arn", "arn:aws:iam::111122223333:role/" + role);
            issuer.put("accountId", "111122223333");
            issuer.put("userName", role);
        }
        JsonNode request = d.path("requestParameters");
        if (request.isObject() && request.has("groupId")) {
            ((ObjectNode) request).put("groupId", String.format("sg-%017x", n));
        }
        return e.toString();
    }

    /** A version 4 UUID, as CloudTrail's eventID and EventBridge's id are, from the seeded random. */
    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String eventId(String event) throws IOException {
        return MAPPER.readTree(event.getBytes(StandardCharsets.UTF_8)).path("detail").path("eventID").asText();
    }

    /** The events in a random order, the same for the same seed. */
    public List<String> shuffled(List<String> events) {
        List<String> out = new ArrayList<>(events);
        java.util.Collections.shuffle(out, random);
        return out;
    }
}
