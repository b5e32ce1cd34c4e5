package cloudtrail.notifier.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.Map;

/** Runs the command line in-process from tests outside its package, with the environment they choose. */
public final class MainAccess {
    private MainAccess() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return new Main(new ByteArrayInputStream(new byte[0]), out, err, env).run(args);
    }
}
