package cloudtrail.notifier.render;

import cloudtrail.notifier.catalog.Severity;
import cloudtrail.notifier.config.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification for a burst of events by the same actor with the same tool in the same account
 * (「【警告】Terraform による 23 件の変更（hanako.suzuki・111122223333）」): the worst severity leads the
 * subject; the body opens with the reasons of any critical event, lists every event on one line (time,
 * what, target, result, event ID), most severe first, and ends with the most severe event in full.
 */
public final class DigestRenderer {
    /** Most severe first, then oldest first. */
    public static final Comparator<Rendered> MOST_SEVERE_FIRST = Comparator
            .comparing((Rendered r) -> r.gist().severity())
            .thenComparing(r -> r.gist().when(), Comparator.nullsLast(Comparator.naturalOrder()));

    private final NotificationRenderer renderer;
    private final Language language;
    private final ZoneId zone;
    private final TimeFormat time;

    public DigestRenderer(NotificationRenderer renderer) {
        this.renderer = renderer;
        this.language = renderer.language();
        this.zone = renderer.zone();
        this.time = new TimeFormat(zone);
    }

    /**
     * @param events the group, or one part of it; at least one
     * @param part which part of the group this is (1-based), of parts
     */
    public Notification render(List<Rendered> events, int part, int parts) {
        List<Rendered> sorted = new ArrayList<>(events);
        sorted.sort(MOST_SEVERE_FIRST);
        Rendered worst = sorted.get(0);
        Gist first = worst.gist();
        Severity severity = first.severity();

        boolean allChanges = sorted.stream().allMatch(r -> r.gist().change());
        boolean anyCloudTrail = sorted.stream().anyMatch(r -> r.gist().actor() != null);
        String noun = (allChanges ? Msg.DIGEST_CHANGES : anyCloudTrail ? Msg.DIGEST_CALLS : Msg.DIGEST_EVENTS).in(language);
        String by = Objects.requireNonNullElse(first.tool() != null ? first.tool() : first.actor(), Msg.NOT_AVAILABLE.in(language));
        String summary = Msg.DIGEST_SUMMARY.format(language, by, sorted.size(), noun);
        String subjectSummary = parts > 1 ? Msg.DIGEST_PART.format(language, summary, part, parts) : summary;
        String who = first.tool() != null ? first.actor() : null;
        String subject = renderer.subject(severity, subjectSummary, who, first.account());

        StringBuilder body = new StringBuilder(256 + sorted.size() * 160);
        List<Field> fields = new ArrayList<>();
        line(body, fields, Msg.WHAT, subjectSummary);
        line(body, fields, Msg.WHO, first.actor());
        line(body, fields, Msg.DIGEST_TOOL, first.tool());
        line(body, fields, Msg.WHERE, first.account() == null ? null : Msg.WHERE_ACCOUNT.format(language, renderer.accountText(first.account())));
        line(body, fields, Msg.WHEN, period(sorted));
        line(body, fields, Msg.RESULT, counts(sorted));
        // a critical event is never hidden in the list: each reason comes first, with what to do
        Map<String, String> critical = new LinkedHashMap<>();
        for (Rendered r : sorted) {
            if (r.gist().severity() == Severity.CRITICAL) {
                critical.putIfAbsent(r.gist().reason(), r.gist().next());
            }
        }
        for (Map.Entry<String, String> c : critical.entrySet()) {
            line(body, fields, Msg.DIGEST_CRITICAL, c.getKey());
            line(body, fields, Msg.NEXT, c.getValue());
        }
        if (critical.isEmpty()) {
            line(body, fields, Msg.REASON, Msg.SEVERITY_WITH_REASON.format(language, severity.label(language), first.reason()));
            line(body, fields, Msg.NEXT, first.next());
        }
        body.append('\n').append(Msg.DIGEST_LIST.in(language)).append(":\n");
        for (Rendered r : sorted) {
            body.append(listLine(r.gist())).append('\n');
        }
        body.append('\n').append(Msg.DIGEST_DETAILS.in(language)).append('\n');
        body.append(worst.notification().message());

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", severity.attributeValue());
        putIfSame(attributes, "eventSource", sorted, "eventSource");
        putIfSame(attributes, "eventName", sorted, "eventName");
        putIfSame(attributes, "account", sorted, "account");
        putIfSame(attributes, "region", sorted, "region");
        attributes.put("digest", Integer.toString(sorted.size()));
        String message = Limits.fitMessage(body.toString(), Limits.MAX_TEXT_BYTES - Limits.attributeBytes(attributes),
                language, Limits.MAX_TEXT_BYTES);
        List<String> eventIds = sorted.stream().map(r -> r.gist().eventId()).filter(Objects::nonNull).toList();
        About worstAbout = worst.notification().about();
        // the list of events, for the formats that are not mail: the lines the mail lists them with
        fields.add(new Field(Msg.DIGEST_LIST, Msg.DIGEST_LIST.in(language), sorted.stream().map(r -> listLine(r.gist())).toList()));
        return new Notification(subject, message, attributes, new About(language, severity,
                renderer.headline(severity, subjectSummary), fields, NotificationRenderer.thread(first.account(), first.actorKey()),
                eventIds, worstAbout.event()));
    }

    /** 「【警告】18:47:10 セキュリティグループにルールを追加: sg-0123 成功 2f1c…」. */
    private String listLine(Gist g) {
        String target = g.target() == null ? "" : ": " + g.target();
        String result = (g.failed() ? Msg.FAILURE : Msg.SUCCESS).in(language);
        return Msg.DIGEST_LINE.format(language, g.severity().label(language), time(g.when()), g.what(), target, result,
                Objects.requireNonNullElse(g.eventId(), "-"));
    }

    private String period(List<Rendered> events) {
        Instant from = null;
        Instant to = null;
        for (Rendered r : events) {
            Instant t = r.gist().when();
            if (t != null) {
                from = from == null || t.isBefore(from) ? t : from;
                to = to == null || t.isAfter(to) ? t : to;
            }
        }
        if (from == null) {
            return null;
        }
        String first = time.local(from);
        if (from.equals(to)) {
            return first;
        }
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        if (a.toLocalDate().equals(b.toLocalDate()) && first.length() > 19) {
            // 「2026-11-21 23:00:01 〜 23:00:08 JST (UTC+09:00)」: the day once
            return first.substring(0, 19) + Msg.DIGEST_UNTIL.format(language, clock(b)) + first.substring(19);
        }
        return Msg.DIGEST_PERIOD.format(language, first, time.local(to));
    }

    private static String clock(ZonedDateTime t) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    private String counts(List<Rendered> events) {
        Map<Severity, Integer> by = new EnumMap<>(Severity.class);
        int failed = 0;
        for (Rendered r : events) {
            by.merge(r.gist().severity(), 1, Integer::sum);
            failed += r.gist().failed() ? 1 : 0;
        }
        return Msg.DIGEST_COUNTS.format(language, by.getOrDefault(Severity.CRITICAL, 0), by.getOrDefault(Severity.WARNING, 0),
                by.getOrDefault(Severity.INFO, 0), failed);
    }

    /** "MM-dd HH:mm:ss" in the reader's zone: the day matters when a burst crosses midnight. */
    private String time(Instant instant) {
        if (instant == null) {
            return "--:--:--";
        }
        ZonedDateTime t = instant.atZone(zone);
        return String.format("%02d-%02d %02d:%02d:%02d", t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    private void line(StringBuilder body, List<Field> fields, Msg label, String value) {
        if (value != null && !value.isBlank()) {
            body.append(label.in(language)).append(": ").append(value).append('\n');
            fields.add(new Field(label, label.in(language), List.of(value)));
        }
    }

    private static void putIfSame(Map<String, String> attributes, String name, List<Rendered> events, String attribute) {
        String value = events.get(0).notification().messageAttributes().get(attribute);
        if (value == null) {
            return;
        }
        for (Rendered r : events) {
            if (!value.equals(r.notification().messageAttributes().get(attribute))) {
                return;
            }
        }
        attributes.put(name, value);
    }
}
