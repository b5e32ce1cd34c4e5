package cloudtrail.notifier.digest;

import cloudtrail.notifier.render.DigestRenderer;
import cloudtrail.notifier.render.Gist;
import cloudtrail.notifier.render.Rendered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch publishes: events by the same actor with the same tool in the same account form a
 * group; a group larger than the threshold becomes digests of at most {@link #MAX_PER_DIGEST} events,
 * smaller groups go one notification per event. The most severe go first, so that under the publish
 * pace the worst news is the first to arrive.
 */
public final class DigestPlan {
    /** A digest lists every event it holds on a line of its own: this many always fit in a notification. */
    public static final int MAX_PER_DIGEST = 100;

    /** An event of the batch, with whatever the caller needs to know it by (the SQS message IDs, say). */
    public record Item<T>(Rendered rendered, T payload) {}

    /** One notification to publish. */
    public sealed interface Outgoing<T> {
        List<Item<T>> items();

        record Single<T>(Item<T> item) implements Outgoing<T> {
            @Override
            public List<Item<T>> items() {
                return List.of(item);
            }
        }

        /** @param part 1-based, of parts: a group of more than MAX_PER_DIGEST events is split */
        record Digest<T>(List<Item<T>> items, int part, int parts) implements Outgoing<T> {}
    }

    private record Key(String account, String actor, String tool) {}

    private DigestPlan() {}

    public static <T> List<Outgoing<T>> plan(List<Item<T>> items, DigestSettings settings) {
        Map<Key, List<Item<T>>> groups = new LinkedHashMap<>();
        for (Item<T> item : items) {
            Gist g = item.rendered().gist();
            groups.computeIfAbsent(new Key(g.account(), g.actorKey(), g.tool()), k -> new ArrayList<>()).add(item);
        }
        List<Outgoing<T>> out = new ArrayList<>();
        for (List<Item<T>> group : groups.values()) {
            if (settings.enabled() && group.size() > settings.threshold()) {
                group.sort(Comparator.comparing(Item::rendered, DigestRenderer.MOST_SEVERE_FIRST));
                int parts = (group.size() + MAX_PER_DIGEST - 1) / MAX_PER_DIGEST;
                for (int p = 0; p < parts; p++) {
                    out.add(new Outgoing.Digest<>(List.copyOf(group.subList(p * MAX_PER_DIGEST,
                            Math.min(group.size(), (p + 1) * MAX_PER_DIGEST))), p + 1, parts));
                }
            } else {
                group.forEach(item -> out.add(new Outgoing.Single<>(item)));
            }
        }
        out.sort(Comparator.comparing(o -> o.items().get(0).rendered(), DigestRenderer.MOST_SEVERE_FIRST));
        return out;
    }
}
