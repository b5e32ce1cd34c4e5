package cloudtrail.notifier.cli;

import cloudtrail.notifier.render.Notification;
import java.io.PrintStream;

/** How the command line prints one rendered notification. */
interface OutputFormat {
    void write(PrintStream out, String file, Notification notification, boolean first);
}
