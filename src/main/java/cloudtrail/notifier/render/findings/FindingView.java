package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.render.Msg;
import java.util.List;

/**
 * What a finding, health event or Insights event says, ready to be shown line by line: every value
 * here has been made safe (one line, visible characters, bounded) and is in the reader's language.
 * The renderer only lays it out, so the layout can change without touching what is said.
 *
 * @param headline      what happened, in one phrase: it leads the subject
 * @param reason        how urgent the notification is, or null to leave it to the severity policy
 * @param severity      the sender's own severity in words ("高（8.0）"), or null when it has none
 * @param targetsLabel  what the targets are (resources, or the callers behind unusual activity)
 * @param targets       "label: value" lines, at most a handful
 * @param omittedTargets how many targets were left out
 * @param targetsFirst  whether the targets come before the facts (a finding's resource leads; an
 *                      Insights event's callers follow the rate they explain)
 * @param facts         labelled single-line facts, in reading order
 * @param meaning       what it means, in a sentence, or null
 * @param check         what to check first, in a sentence, or null
 * @param references    the sender's own description and identifiers: after what to do, for whoever digs further
 * @param linkLabel     the console the link opens
 * @param link          a console link to the finding or event, or null when it cannot be linked
 */
public record FindingView(
        String headline,
        String reason,
        String severity,
        Msg targetsLabel,
        List<String> targets,
        int omittedTargets,
        boolean targetsFirst,
        List<Fact> facts,
        String meaning,
        String check,
        List<Fact> references,
        Msg linkLabel,
        String link) {

    public FindingView {
        targets = List.copyOf(targets);
        facts = List.copyOf(facts);
        references = List.copyOf(references);
    }

    /** One labelled line: "送信元 IP: 198.51.100.77". */
    public record Fact(Msg label, String value) {}
}
