package cloudtrail.notifier.cli;

import cloudtrail.notifier.Notifier;
import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.render.NotificationRenderer;
import cloudtrail.notifier.rules.CfnYaml;
import cloudtrail.notifier.suppress.Suppressions;

import cloudtrail.notifier.rules.EventBridgeEnvelope;
import cloudtrail.notifier.rules.NearMiss;
import cloudtrail.notifier.rules.Rule;
import cloudtrail.notifier.rules.RuleMatcher;
import cloudtrail.notifier.rules.TemplateRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `rules [--template template.yaml] [--param NAME=VALUE]... FILE...`: which of the template's rules
 * an event would trigger, and when none does, the closest rule and the field that kept it out.
 * Seeds 000-003 all lost hours to rules that silently never fired; this says why before deploying.
 */
final class RulesCommand {
    static final String USAGE = """
            usage: java -jar cloudtrail-notifier.jar rules [--template template.yaml] [--param NAME=VALUE]... FILE... | -
              For each event (an EventBridge event, or a bare CloudTrail record, wrapped as EventBridge
              would deliver it), prints the template's rules that match it; where none does, the rule
              that came closest and the first field that kept it from matching. Parameters take their
              defaults unless given with --param. An event the template's SuppressionPatterns would
              suppress is said so, with the pattern's name.""";

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    static final String SUPPRESSION_PARAMETER = "SuppressionPatterns";
    private final cloudtrail.notifier.event.EventParser parser = new cloudtrail.notifier.event.EventParser();
    private final Notifier notifier = new Notifier(parser,
            new NotificationRenderer(NotifierConfig.DEFAULT_TIME_ZONE, cloudtrail.notifier.config.Language.EN));
    private Suppressions suppressions = Suppressions.none();
    private final cloudtrail.notifier.catalog.Assessor assessor =
            new cloudtrail.notifier.catalog.Assessor(cloudtrail.notifier.catalog.Catalog.load(parser.trees()));

    RulesCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Path template = Path.of("template.yaml");
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--template") || arg.equals("--param")) && i + 1 >= args.size()) {
                return usage(arg + " needs a value");
            }
            if (arg.equals("--template")) {
                template = Path.of(args.get(++i));
            } else if (arg.equals("--param")) {
                String p = args.get(++i);
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    return usage("--param takes NAME=VALUE, got " + p);
                }
                parameters.put(p.substring(0, eq), p.substring(eq + 1));
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return Main.OK;
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                return usage("unknown option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            return usage("no input: give one or more files, or - for standard input");
        }
        RuleMatcher matcher;
        try {
            matcher = new RuleMatcher(TemplateRules.load(template, parameters));
            suppressions = suppressions(template, parameters);
            if (matcher.rules().isEmpty()) {
                err.println(Main.NAME + ": " + template + ": no EventBridge rules in this template");
                return Main.INPUT_ERROR;
            }
        } catch (NoSuchFileException e) {
            err.println(Main.NAME + ": " + template + ": no such file");
            return Main.INPUT_ERROR;
        } catch (IOException | RuntimeException e) {
            err.println(Main.NAME + ": " + template + ": " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        int status = Main.OK;
        for (String file : files) {
            JsonNode event;
            try {
                byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
                // the function's own reader: strict UTF-8, no key twice (what is not one event is not matched)
                event = parser.trees().read(bytes);
                if (event == null || !event.isObject()) {
                    throw new IOException("expected a JSON object");
                }
            } catch (cloudtrail.notifier.event.Utf8.MalformedException | cloudtrail.notifier.event.JsonTrees.DuplicateKeyException e) {
                err.println(Main.NAME + ": " + file + ": " + e.getMessage());
                status = Main.INPUT_ERROR;
                continue;
            } catch (JsonProcessingException e) {
                err.println(Main.NAME + ": " + file + ": not JSON: " + e.getOriginalMessage());
                status = Main.INPUT_ERROR;
                continue;
            } catch (IOException e) {
                err.println(Main.NAME + ": " + file + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
                status = Main.INPUT_ERROR;
                continue;
            }
            report(file, EventBridgeEnvelope.wrap(event), matcher);
            suppression(EventBridgeEnvelope.wrap(event));
        }
        out.flush();
        return status;
    }

    private void report(String file, JsonNode event, RuleMatcher matcher) {
        List<Rule> matching = matcher.matching(event.toString());
        if (matching.isEmpty()) {
            out.println(file + ": no rule matches");
            NearMiss.Diagnosis d = NearMiss.closest(matcher.rules(), event);
            if (d != null && d.field() != null) {
                out.println("  closest: " + d.rule().name() + " (" + d.satisfied() + " of " + d.fields() + " fields match)");
                out.println("  first mismatch: " + d.field() + " is " + d.actual() + ", the rule expects " + d.expected());
            }
            severity(event);
            return;
        }
        boolean readOnly = EventBridgeEnvelope.isReadOnlyManagementCall(event);
        List<String> names = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Rule rule : matching) {
            names.add(rule.name());
            if (rule.disabled()) {
                notes.add(rule.name() + " is DISABLED with these parameters: it will not fire");
            } else if (readOnly && !rule.receivesReadOnlyEvents()) {
                notes.add(rule.name() + " matches, but this is a read-only call and the rule's state is " + rule.state()
                        + ": EventBridge delivers read-only calls only to rules in state " + Rule.ALL_MANAGEMENT_EVENTS);
            }
        }
        out.println(file + ": " + String.join(", ", names));
        notes.forEach(n -> out.println("  note: " + n));
        severity(event);
    }

    /**
     * Why the notification would get its severity: the catalog's reason, and the EventBridge pattern of the
     * risk rule that decided it, so a user can see what in the request made it urgent.
     */
    private void severity(JsonNode event) {
        if (!(parser.parse(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                instanceof cloudtrail.notifier.event.CloudTrailEvent e)) {
            return;
        }
        var assessment = assessor.assess(e.record(), cloudtrail.notifier.render.Outcome.of(e.record()).failed());
        out.println("  severity: " + assessment.severity().attributeValue() + " (" + assessment.label(cloudtrail.notifier.config.Language.EN) + ")"
                + (assessment.pattern() == null ? "" : ", by the catalog's pattern " + assessment.pattern())
                + (assessment.check() == null ? "" : (assessment.pattern() == null ? ", by" : " and") + " the check "
                        + assessment.check().name() + " on " + assessment.check().path().text()));
    }

    /** The template's SuppressionPatterns, with its default or the --param value. */
    private Suppressions suppressions(Path template, Map<String, String> parameters) throws IOException {
        String value = parameters.get(SUPPRESSION_PARAMETER);
        if (value == null) {
            JsonNode declared = CfnYaml.read(Files.readString(template, java.nio.charset.StandardCharsets.UTF_8))
                    .path("Parameters").path(SUPPRESSION_PARAMETER);
            value = declared.path("Default").asText("");
        }
        return value.isBlank() ? Suppressions.none() : Suppressions.parse(value, parser.trees(), SUPPRESSION_PARAMETER);
    }

    /** Whether the function would count the event and send nothing, and by which pattern. */
    private void suppression(JsonNode event) {
        if (suppressions.isEmpty()) {
            return;
        }
        var severity = notifier.renderWithGist(parser.parse(event)).gist().severity();
        var by = suppressions.match(event, severity);
        if (by.isPresent()) {
            out.println("  suppressed: by " + SUPPRESSION_PARAMETER + " pattern \"" + by.get().name()
                    + "\": counted and logged, not sent");
            return;
        }
        suppressions.patternMatch(event).ifPresent(s -> out.println("  not suppressed: pattern \"" + s.name()
                + "\" matches, but the event is critical and the pattern does not say \"includeCritical\": true"));
    }

    private int usage(String problem) {
        err.println(Main.NAME + " rules: " + problem);
        err.println(USAGE);
        return Main.INPUT_ERROR;
    }
}
