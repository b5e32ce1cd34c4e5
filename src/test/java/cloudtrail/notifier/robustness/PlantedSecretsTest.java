package cloudtrail.notifier.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloudtrail.notifier.Fixtures;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based: a unique secret planted into a sample event (events/) at a random depth and in a
 * random shape (under a secret's key, as the value of a name/value pair, in a URL's user information,
 * in a connection string, in userData, in JSON written as text, inside arrays) into any part the
 * renderer can show (requestParameters, responseElements, additionalEventData, serviceEventDetails,
 * errorMessage, userAgent, a GuardDuty, Security Hub or other event's detail at any depth, the
 * envelope's resources) never appears in the subject, the message or a message attribute, in
 * either language. A failure prints the seed and the smallest failing plant. The same plants under a
 * harmless key are the control: they must show up, or the property would prove nothing.
 * {@code -Dsecrets.cases=100000} (and {@code -Dsecrets.seed=N}) runs more.
 */
class PlantedSecretsTest {
    private static final long SEED = Long.getLong("secrets.seed", 20261122L);
    private static final int CASES = Integer.getInteger("secrets.cases", 1_500);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final EventParser PARSER = new EventParser();
    private static final List<NotificationRenderer> RENDERERS = List.of(
            new NotificationRenderer(ZoneId.of("Asia/Tokyo"), Language.JA),
            new NotificationRenderer(ZoneId.of("America/New_York"), Language.EN));

    enum Shape { KEY, PAIR, URL, CONNECTION_STRING, USER_DATA, JSON_TEXT, PLAIN }

    private static final String[] SECRET_KEYS = {
        "password", "DB_PASSWORD", "DB_PASS", "pwd", "pass", "passcode", "pin", "otp", "mfaCode", "authenticationCode1",
        "connectionString", "clientSecret", "SecretAccessKey", "sessionToken", "x-api-key", "privateKey", "Authorization",
        "masterUserPassword", "newPassword", "passphrase", "cookie", "totpCode", "PIN"
    };
    private static final String[][] PAIRS = {
        {"name", "value"}, {"Name", "Value"}, {"key", "value"}, {"Key", "Value"}, {"parameterKey", "parameterValue"},
        {"ParameterKey", "ParameterValue"}, {"variable", "value"}
    };
    private static final String[] HARMLESS_KEYS = {"note", "config", "items", "setting", "x1", "description"};
    private static final String[] SHOWN_STRINGS = {"errorMessage", "userAgent", "title", "description"};
    private static final String[] PARTS = {"requestParameters", "responseElements", "additionalEventData", "serviceEventDetails"};

    /** One planted secret: into which sample, where, in what shape, how deep. */
    record Plant(String base, List<Object> at, String field, Shape shape, int variant, int depth, long wrapSeed,
            boolean unknownService) {}

    @Test
    void aPlantedSecretNeverReachesTheNotification() {
        List<Path> bases = Fixtures.events();
        Random cases = new Random(SEED);
        int planted = 0;
        int reachable = 0;
        int[] byShape = new int[Shape.values().length];
        for (int i = 0; i < CASES; i++) {
            long caseSeed = cases.nextLong();
            Random random = new Random(caseSeed);
            Path base = bases.get(random.nextInt(bases.size()));
            Plant plant = generate(base, random);
            if (plant.shape() == Shape.PLAIN) {
                continue; // the control, rendered below as the twin of each secret
            }
            String secret = secret(caseSeed);
            planted++;
            byShape[plant.shape().ordinal()]++;
            List<String> problems = problems(render(plant, secret), secret);
            if (!problems.isEmpty()) {
                Plant smallest = shrink(plant, secret);
                fail("case " + i + " (seed " + SEED + ", case seed " + caseSeed + "): " + problems
                        + "\nsmallest failing plant: " + smallest + "\ninput: " + abbreviate(event(smallest, secret).toString()));
            }
            // the same place and depth with a harmless key: is this a place the notification shows?
            Plant twin = new Plant(plant.base(), plant.at(), plant.field(), Shape.PLAIN, plant.variant(), plant.depth(),
                    plant.wrapSeed(), plant.unknownService());
            if (render(twin, secret).stream().anyMatch(o -> o.contains(secret))) {
                reachable++;
            }
        }
        StringBuilder shapes = new StringBuilder();
        for (Shape shape : Shape.values()) {
            if (shape != Shape.PLAIN) {
                shapes.append(shapes.isEmpty() ? "" : ", ").append(shape).append(' ').append(byShape[shape.ordinal()]);
            }
        }
        System.out.println("PlantedSecretsTest: seed " + SEED + ", " + planted + " secrets planted (" + shapes + "), none shown; "
                + reachable + " of them where the same value under a harmless key is shown");
        assertTrue(reachable * 5 > planted, "only " + reachable + " of " + planted
                + " plants were where the notification shows a harmless value: the property proves little");
    }

    @Test
    void theGeneratorIsDeterministicForASeed() {
        Path base = Fixtures.events().get(0);
        assertEquals(generate(base, new Random(7)), generate(base, new Random(7)));
    }

    private static List<String> problems(List<String> outputs, String secret) {
        List<String> problems = new ArrayList<>();
        for (String o : outputs) {
            if (o.contains(secret)) {
                problems.add("the secret is shown: " + abbreviate(o));
            }
            if (o.indexOf('\uFDD0') >= 0 || o.indexOf('\uFDD1') >= 0) {
                problems.add("the withheld marker is shown raw: " + abbreviate(o));
            }
        }
        return problems;
    }

    /** Subject, message and every attribute, in both languages; a renderer that throws is a failure too. */
    private static List<String> render(Plant plant, String secret) {
        List<String> out = new ArrayList<>();
        byte[] wire = event(plant, secret).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (NotificationRenderer renderer : RENDERERS) {
            Notification n = renderer.render(PARSER.parse(wire));
            out.add(n.subject());
            out.add(n.message());
            n.messageAttributes().forEach((k, v) -> out.add(k + "=" + v));
        }
        return out;
    }

    /** A secret no sample holds, in characters no delimiter uses. */
    private static String secret(long caseSeed) {
        return "Zq" + Long.toString(caseSeed & Long.MAX_VALUE, 36) + "Xv";
    }

    static Plant generate(Path base, Random random) {
        JsonNode event = read(base);
        JsonNode root = event.has("detail") && event.get("detail").isObject() ? event.get("detail") : event;
        boolean cloudTrail = root.has("eventName");
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        boolean text = shape == Shape.URL || shape == Shape.CONNECTION_STRING || shape == Shape.JSON_TEXT || shape == Shape.PLAIN;
        List<Object> at;
        String field;
        int where = random.nextInt(10);
        if (text && where < 2) {
            // a text field shown on a line of its own, or one of the envelope's resources
            if (where == 0) {
                at = List.of("resources");
                field = null;
            } else {
                at = List.of("detail");
                field = SHOWN_STRINGS[cloudTrail ? random.nextInt(2) : 2 + random.nextInt(2)];
            }
        } else if (where < 6) {
            // in place of a value the event already holds, at any depth: what the catalog's targets and the views read
            List<List<Object>> leaves = new ArrayList<>();
            collect(root, new ArrayList<>(List.of("detail")), leaves, 0, false);
            if (leaves.isEmpty()) {
                collect(root, new ArrayList<>(List.of("detail")), leaves, 0, true);
            }
            List<Object> leaf = leaves.get(random.nextInt(leaves.size()));
            at = leaf.subList(0, leaf.size() - 1);
            field = String.valueOf(leaf.get(leaf.size() - 1));
        } else if (cloudTrail && where < 8) {
            at = List.of("detail", PARTS[random.nextInt(PARTS.length)]);
            field = HARMLESS_KEYS[random.nextInt(HARMLESS_KEYS.length)];
        } else {
            List<List<Object>> objects = new ArrayList<>();
            collect(root, new ArrayList<>(List.of("detail")), objects, 0, true);
            at = objects.get(random.nextInt(objects.size()));
            field = HARMLESS_KEYS[random.nextInt(HARMLESS_KEYS.length)];
        }
        boolean unknownService = cloudTrail && random.nextInt(3) == 0;
        return new Plant(base.getFileName().toString(), List.copyOf(at), field, shape, random.nextInt(1_000), random.nextInt(11),
                random.nextLong(), unknownService);
    }

    /** Paths of the objects (or of the leaves in objects) under the node. */
    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out, int depth, boolean objects) {
        if (depth > 7) {
            return;
        }
        if (node.isObject()) {
            if (objects) {
                out.add(List.copyOf(path));
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                JsonNode value = node.get(name);
                if (!objects && value.isValueNode()) {
                    out.add(child);
                }
                collect(value, child, out, depth + 1, objects);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                collect(node.get(i), child, out, depth + 1, objects);
            }
        }
    }

    /** The sample with the plant in it, as EventBridge delivers it. */
    static ObjectNode event(Plant plant, String secret) {
        ObjectNode event = (ObjectNode) read(Fixtures.EVENTS.resolve(plant.base()));
        if (!event.has("detail")) {
            ObjectNode wrapped = Corpus.wrap(event);
            event = wrapped;
        }
        if (plant.unknownService() && event.get("detail").isObject()) {
            ((ObjectNode) event.get("detail")).put("eventSource", "example.amazonaws.com"); // shown by the generic sample
        }
        JsonNode value = value(plant, secret);
        if (plant.at().equals(List.of("resources"))) {
            JsonNode resources = event.get("resources");
            ArrayNode list = resources != null && resources.isArray() ? (ArrayNode) resources : event.putArray("resources");
            list.add(value.isTextual() ? value : NODES.textNode(secret));
            return event;
        }
        JsonNode parent = event;
        for (Object step : plant.at()) {
            JsonNode next = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
            if (next == null || !next.isContainerNode()) {
                if (!(step instanceof String s) || !parent.isObject()) {
                    return event;
                }
                next = ((ObjectNode) parent).putObject(s);
            }
            parent = next;
        }
        if (!parent.isObject()) {
            return event;
        }
        ObjectNode target = (ObjectNode) parent;
        boolean textPlant = plant.shape() == Shape.URL || plant.shape() == Shape.CONNECTION_STRING
                || plant.shape() == Shape.JSON_TEXT || plant.shape() == Shape.PLAIN;
        if (textPlant && SHOWN_STRINGS_SET.contains(plant.field()) && plant.at().equals(List.of("detail"))) {
            target.put(plant.field(), value.isTextual() ? value.textValue() : secret);
            if (plant.field().equals("errorMessage") && !target.has("errorCode")) {
                target.put("errorCode", "AccessDenied");
            }
            return event;
        }
        if (plant.depth() == 0 && (plant.shape() == Shape.KEY || plant.shape() == Shape.USER_DATA)) {
            target.set(plant.shape() == Shape.KEY ? SECRET_KEYS[plant.variant() % SECRET_KEYS.length] : "userData",
                    NODES.textNode(secret));
            return event;
        }
        target.set(plant.field(), wrap(value, plant.depth(), new Random(plant.wrapSeed())));
        return event;
    }

    private static final java.util.Set<String> SHOWN_STRINGS_SET = java.util.Set.of(SHOWN_STRINGS);

    /** The secret in its shape. */
    private static JsonNode value(Plant plant, String secret) {
        int v = plant.variant();
        return switch (plant.shape()) {
            case KEY -> NODES.objectNode().put(SECRET_KEYS[v % SECRET_KEYS.length], secret);
            case PAIR -> {
                String[] pair = PAIRS[v % PAIRS.length];
                ObjectNode o = NODES.objectNode().put(pair[0], SECRET_KEYS[(v / PAIRS.length) % SECRET_KEYS.length]);
                yield v % 3 == 0 ? NODES.arrayNode().add(NODES.objectNode().put(pair[0], "STAGE").put(pair[1], "prod"))
                        .add(o.put(pair[1], secret)) : o.put(pair[1], secret);
            }
            case URL -> NODES.textNode(switch (v % 5) {
                case 0 -> "https://user:" + secret + "@example.com/path";
                case 1 -> "postgres://app:" + secret + "@db.internal:5432/app";
                case 2 -> "https://" + secret + "@github.com/o/r.git";
                case 3 -> "see mysql://root:" + secret + "@10.0.0.5:3306/x for details";
                default -> "https://h.example/p?X-Amz-Signature=" + secret + "&x=1";
            });
            case CONNECTION_STRING -> NODES.textNode(switch (v % 5) {
                case 0 -> "Server=db;User Id=app;Password=" + secret + ";Encrypt=true";
                case 1 -> "host=db user=app pwd=" + secret;
                case 2 -> "jdbc:postgresql://db/app?user=app&password=" + secret;
                case 3 -> "DRIVER={x};UID=app;PWD={" + secret + "};";
                default -> "login failed: password=" + secret;
            });
            case USER_DATA -> v % 2 == 0 ? NODES.objectNode().put("userData", secret)
                    : NODES.objectNode().set("userData", NODES.objectNode().put("value", secret));
            case JSON_TEXT -> NODES.textNode("{\"" + SECRET_KEYS[v % SECRET_KEYS.length] + "\": \"" + secret + "\", \"stage\": \"prod\"}");
            case PLAIN -> NODES.objectNode().put(HARMLESS_KEYS[v % HARMLESS_KEYS.length], secret);
        };
    }

    /** Nests the value {@code depth} levels down, in objects and arrays. */
    private static JsonNode wrap(JsonNode value, int depth, Random random) {
        JsonNode out = value;
        for (int i = 0; i < depth; i++) {
            if (random.nextInt(3) == 0) {
                out = NODES.arrayNode().add(out);
            } else {
                out = NODES.objectNode().set(HARMLESS_KEYS[random.nextInt(HARMLESS_KEYS.length)], out);
            }
        }
        return out;
    }

    /** Less nesting, then the plant at the detail's top, while the case still fails. */
    private static Plant shrink(Plant plant, String secret) {
        Plant current = plant;
        for (int d = 0; d < current.depth(); d++) {
            Plant shallower = new Plant(current.base(), current.at(), current.field(), current.shape(), current.variant(), d,
                    current.wrapSeed(), current.unknownService());
            if (!problems(render(shallower, secret), secret).isEmpty()) {
                current = shallower;
                break;
            }
        }
        if (current.at().size() > 1) {
            Plant top = new Plant(current.base(), List.of("detail"), current.field(), current.shape(), current.variant(),
                    current.depth(), current.wrapSeed(), current.unknownService());
            if (!problems(render(top, secret), secret).isEmpty()) {
                current = top;
            }
        }
        return current;
    }

    private static JsonNode read(Path path) {
        try {
            return MAPPER.readTree(Fixtures.read(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3_000 ? s : s.substring(0, 3_000) + "… (" + s.length() + " characters)";
    }
}
