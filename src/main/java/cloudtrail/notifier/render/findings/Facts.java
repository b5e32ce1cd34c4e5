package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.render.Msg;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the facts of a view, skipping the ones the event does not have: no line says "null".
 * At most MAX of them; the rest are counted in a last line, 「ほか N 件」.
 */
final class Facts {
    static final int MAX = 25;

    private final List<FindingView.Fact> facts = new ArrayList<>();
    private int omitted;

    Facts add(Msg label, String value) {
        if (value != null && !value.isBlank()) {
            if (facts.size() >= MAX) {
                omitted++;
            } else {
                facts.add(new FindingView.Fact(label, value));
            }
        }
        return this;
    }

    List<FindingView.Fact> list(cloudtrail.notifier.config.Language language) {
        if (omitted == 0) {
            return facts;
        }
        List<FindingView.Fact> all = new ArrayList<>(facts);
        all.add(new FindingView.Fact(Msg.DETAILS, Msg.MORE_ITEMS.format(language, omitted)));
        return all;
    }
}
