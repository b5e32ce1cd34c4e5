package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.render.Msg;
import java.util.ArrayList;
import java.util.List;

/** Collects the facts of a view, skipping the ones the event does not have: no line says "null". */
final class Facts {
    private final List<FindingView.Fact> facts = new ArrayList<>();

    Facts add(Msg label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new FindingView.Fact(label, value));
        }
        return this;
    }

    List<FindingView.Fact> list() {
        return facts;
    }
}
