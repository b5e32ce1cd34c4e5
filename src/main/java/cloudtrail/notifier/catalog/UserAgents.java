package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what made the call, as a reader calls it: 「AWS CLI 2.15（Linux）」 rather than
 * "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.amzn.2023 prompt/off command/s3.ls". The table
 * is data (user-agents.json): the first client pattern that matches names the tool, {1} its version;
 * the first system pattern, the operating system. A user agent nothing matches is shown as it is.
 */
public final class UserAgents {
    /** Only the start of a user agent is read: enough to know the tool, and cheap however long it is. */
    private static final int MAX_READ = 512;

    /** @param system whether to add the operating system (not for a browser or an AWS service) */
    private record Rule(Pattern pattern, Text text, boolean system, Text tool) {}

    /**
     * A log file or a busy account repeats a handful of user agents thousands of times, and trying the patterns
     * in turn was a tenth of rendering an event; the table never changes, so each answer is kept. Bounded: an
     * input of endless distinct user agents empties it rather than growing it.
     */
    private static final int KEPT = 1024;

    private final List<Rule> clients;
    private final List<Rule> systems;
    private final Map<String, Described> described = new ConcurrentHashMap<>();

    private UserAgents(List<Rule> clients, List<Rule> systems) {
        this.clients = clients;
        this.systems = systems;
    }

    static UserAgents of(JsonNode root) {
        return new UserAgents(rules(root.path("clients")), rules(root.path("systems")));
    }

    private static List<Rule> rules(JsonNode list) {
        List<Rule> out = new ArrayList<>();
        for (JsonNode r : list) {
            String where = "user-agents.json " + r.path("match").asText();
            out.add(new Rule(Pattern.compile(r.path("match").asText()), Text.of(r, where), r.path("system").asBoolean(true),
                    r.has("tool") ? Text.of(r.path("tool"), where + " tool") : null));
        }
        return List.copyOf(out);
    }

    /**
     * The tool by name, without its version or system ("Terraform", "AWS CLI", "CloudFormation"): what a
     * digest groups a burst of calls by. Null when no client pattern matches.
     */
    public String tool(String userAgent, Language language) {
        return tool(client(userAgent), language);
    }

    /** What made the call, in both forms, from one reading of the user agent: the summary and the tool. */
    public record Described(String summary, String tool) {}

    /** {@link #summarise} and {@link #tool} together, the patterns tried once; null parts where nothing matches. */
    public Described describe(String userAgent, Language language) {
        if (userAgent == null || userAgent.length() > MAX_READ) {
            return read(userAgent, language);
        }
        String key = language.name() + ' ' + userAgent;
        Described known = described.get(key);
        if (known == null) {
            if (described.size() >= KEPT) {
                described.clear();
            }
            known = read(userAgent, language);
            described.put(key, known);
        }
        return known;
    }

    private Described read(String userAgent, Language language) {
        Found found = client(userAgent);
        return new Described(summarise(found, language), tool(found, language));
    }

    private String tool(Found found, Language language) {
        if (found == null) {
            return null;
        }
        if (found.rule().tool() == null) {
            return found.rule().text().in(language).replace(" {1}", "").replace("{1}", "").strip();
        }
        return found.withVersion(found.rule().tool().in(language));
    }

    /** The summary, or null when no client pattern matches. */
    public String summarise(String userAgent, Language language) {
        return summarise(client(userAgent), language);
    }

    private String summarise(Found found, Language language) {
        if (found == null) {
            return null;
        }
        String name = found.withVersion(found.rule().text().in(language));
        for (Rule system : found.rule().system() ? systems : List.<Rule>of()) {
            if (system.pattern().matcher(found.userAgent()).find()) {
                String os = system.text().in(language);
                return language == Language.JA ? name + "（" + os + "）" : name + " (" + os + ")";
            }
        }
        return name;
    }

    /** The first client pattern that matches, and on what. */
    private record Found(Rule rule, Matcher match, String userAgent) {
        String withVersion(String text) {
            return match.groupCount() >= 1 && match.group(1) != null ? text.replace("{1}", match.group(1)) : text;
        }
    }

    private Found client(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String ua = userAgent.length() > MAX_READ ? userAgent.substring(0, MAX_READ) : userAgent;
        for (Rule client : clients) {
            Matcher m = client.pattern().matcher(ua);
            if (m.find()) {
                return new Found(client, m, ua);
            }
        }
        return null;
    }
}
