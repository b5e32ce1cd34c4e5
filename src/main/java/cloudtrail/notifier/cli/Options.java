package cloudtrail.notifier.cli;

import java.util.ArrayList;
import java.util.List;

/** The parsed command line. */
record Options(boolean json, boolean publish, boolean dryRun, boolean digest, boolean help, List<String> files) {

    static Options parse(String[] args) {
        boolean json = false;
        boolean publish = false;
        boolean dryRun = false;
        boolean digest = false;
        boolean help = false;
        boolean onlyFiles = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (onlyFiles || arg.equals("-") || !arg.startsWith("-")) {
                files.add(arg);
            } else if (arg.equals("--")) {
                onlyFiles = true;
            } else if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--publish")) {
                publish = true;
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--digest")) {
                digest = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!help && files.isEmpty()) {
            throw new IllegalArgumentException("no input: give one or more files, or - for standard input");
        }
        if (json && publish) {
            throw new IllegalArgumentException("--json and --publish do not go together: --json prints what --publish would send");
        }
        if (digest && publish) {
            throw new IllegalArgumentException("--digest and --publish do not go together: --digest shows what one batch would publish");
        }
        if (dryRun && !publish) {
            throw new IllegalArgumentException("--dry-run goes with --publish: it runs the publish without sending it");
        }
        return new Options(json, publish, dryRun, digest, help, List.copyOf(files));
    }
}
