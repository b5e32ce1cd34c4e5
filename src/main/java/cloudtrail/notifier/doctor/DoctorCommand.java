package cloudtrail.notifier.doctor;

import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.config.Language;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * `doctor`: why a deployed notifier stays silent. Runs every check with the caller's own credentials
 * and prints one line each; a check that cannot look says so and never passes.
 */
public final class DoctorCommand {
    public static final int ALL_OK = 0;
    public static final int FOUND_PROBLEMS = 1;
    public static final int USAGE_ERROR = 2;
    public static final String USAGE = """
            usage: java -jar cloudtrail-notifier.jar doctor [--stack NAME] [--region R] [--forwarder-stack NAME] [--template template.yaml]
              Checks what keeps a deployed stack silent, with your AWS credentials (environment, profile, SSO or role):
              a logging trail for the region and us-east-1, the confirmed e-mail subscription, the alias live on the
              newest version, the rules' states against the template and the stack's parameters, the dead-letter queue,
              and the forwarder stack in us-east-1. One line per check: OK, a problem and what to do, or why it could
              not be checked. Exit status 0 when all pass, 1 otherwise.
              --stack            the notifier's stack (default cloudtrail-notifier)
              --region           its region (default: AWS_REGION or the profile's region)
              --forwarder-stack  the forwarder's stack in us-east-1 (default cloudtrail-notifier-forwarder)
              --template         the template the stack was deployed from (default template.yaml)""";
    private static final String NAME = "cloudtrail-notifier doctor";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public DoctorCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(List<String> args) {
        DoctorOptions options;
        try {
            options = DoctorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (options.help()) {
            out.println(USAGE);
            return ALL_OK;
        }
        Language language = language(env.get(NotifierConfig.LANGUAGE));
        if (language == null) {
            err.println(NAME + ": " + NotifierConfig.LANGUAGE + " is not a supported language: use ja or en");
            return USAGE_ERROR;
        }
        if (options.templateGiven() && !Files.isRegularFile(options.template())) {
            return usage(options.template() + ": no such file");
        }
        Region region;
        try {
            region = options.region() != null ? Region.of(options.region()) : new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            return usage("no region: give --region, or set AWS_REGION or the profile's region");
        }
        int problems = 0;
        int unchecked = 0;
        try (AwsClients aws = new AwsClients(region)) {
            Context context = new Context(options, language, aws);
            out.println(context.text(Text.HEADER, options.stack(), region.id()));
            for (Check check : Check.all()) {
                CheckResult result = run(check, context);
                out.println(line(result, language));
                out.flush();
                problems += result.status() == Status.PROBLEM ? 1 : 0;
                unchecked += result.status() == Status.UNCHECKED ? 1 : 0;
            }
            out.println(problems + unchecked == 0 ? context.text(Text.SUMMARY_OK) : context.text(Text.SUMMARY, problems, unchecked));
        }
        out.flush();
        return problems + unchecked == 0 ? ALL_OK : FOUND_PROBLEMS;
    }

    static CheckResult run(Check check, Context context) {
        try {
            return check.run(context);
        } catch (StackUnavailable e) {
            return CheckResult.unchecked(check.topic(), e.getMessage(), e.advice());
        } catch (RuntimeException e) {
            // SDK failures (denied, throttled after retries, unreachable) and anything unforeseen: not a pass
            return CheckResult.unchecked(check.topic(), context.text(Text.NOT_CHECKED, Reasons.of(e)),
                    context.text(Text.NOT_CHECKED_ADVICE, check.permissions()));
        }
    }

    static String line(CheckResult r, Language language) {
        String line = "[" + r.status().label().format(language) + "] " + r.topic().title().format(language) + ": " + r.message();
        return r.advice() == null ? line : line + Text.ADVICE.format(language, r.advice());
    }

    /** As the function reads NOTIFY_LANGUAGE, without refusing to run over an unrelated NOTIFY_TIME_ZONE. */
    private static Language language(String value) {
        return value == null || value.isBlank() ? NotifierConfig.DEFAULT_LANGUAGE : Language.fromCode(value);
    }

    private int usage(String problem) {
        err.println(NAME + ": " + problem);
        err.println(USAGE);
        return USAGE_ERROR;
    }
}
