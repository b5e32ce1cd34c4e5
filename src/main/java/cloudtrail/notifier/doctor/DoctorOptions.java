package cloudtrail.notifier.doctor;

import java.nio.file.Path;
import java.util.List;

/** The doctor's command line. The region stays null when not given: the SDK's region chain decides then. */
record DoctorOptions(String stack, String region, String forwarderStack, Path template, boolean templateGiven, boolean help) {
    static final String DEFAULT_STACK = "cloudtrail-notifier";
    static final String DEFAULT_FORWARDER_STACK = "cloudtrail-notifier-forwarder";
    static final Path DEFAULT_TEMPLATE = Path.of("template.yaml");

    static DoctorOptions parse(List<String> args) {
        String stack = DEFAULT_STACK;
        String region = null;
        String forwarder = DEFAULT_FORWARDER_STACK;
        Path template = DEFAULT_TEMPLATE;
        boolean templateGiven = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--stack", "--region", "--forwarder-stack", "--template" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (arg) {
                        case "--stack" -> stack = value;
                        case "--region" -> region = value;
                        case "--forwarder-stack" -> forwarder = value;
                        default -> {
                            template = Path.of(value);
                            templateGiven = true;
                        }
                    }
                }
                default -> throw new IllegalArgumentException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        return new DoctorOptions(stack, region, forwarder, template, templateGiven, help);
    }
}
