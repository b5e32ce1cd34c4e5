package cloudtrail.notifier.cli;

import cloudtrail.notifier.render.Notification;
import java.io.PrintStream;

/** As an e-mail reader sees it: the subject, a blank line, the message; a blank line between events. */
final class TextFormat implements OutputFormat {
    @Override
    public void write(PrintStream out, String file, Notification n, boolean first) {
        if (!first) {
            out.print('\n');
        }
        out.print(n.subject());
        out.print("\n\n");
        out.print(n.message());
    }
}
