package cloudtrail.notifier.render.findings;

import cloudtrail.notifier.event.CloudTrailRecord;
import cloudtrail.notifier.event.Json;
import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.render.Msg;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A CloudTrail Insights event in words: which call became unusual, by how much compared with its
 * baseline, who and what drove it (the attributions), and whether it is starting or over. The raw
 * numbers (0.6 against 8.82145e-05) mean little at night; "1 分あたり平均 0.01 回未満のところ 0.6 回" does.
 */
public final class InsightView {
    /** How many values of each attribution (callers, user agents, error codes) are shown. */
    static final int TOP = 3;

    private final Language language;

    public InsightView(Language language) {
        this.language = language;
    }

    public FindingView view(CloudTrailRecord r, String region) {
        JsonNode details = r.insightDetails();
        String type = Json.text(details, "insightType");
        boolean errors = "ApiErrorRateInsight".equals(type);
        boolean ended = r.insightEnded();
        String call = Values.shortText(r.callName(), language);
        String source = Values.shortText(r.callSource(), language);

        JsonNode context = Json.object(details, "insightContext");
        JsonNode statistics = Json.object(context, "statistics");
        Double baseline = Json.number(Json.object(statistics, "baseline") == null ? null
                : Json.object(statistics, "baseline").get("average"));
        Double observed = Json.number(Json.object(statistics, "insight") == null ? null
                : Json.object(statistics, "insight").get("average"));
        String rate = rateInWords(baseline, observed, errors, language);
        List<String> errorCodes = top(context, "errorCode");
        String errorCode = Values.shortText(Json.text(details, "errorCode"), language);
        if (errors && rate != null && (errorCode != null || !errorCodes.isEmpty())) {
            rate += Words.ERROR_CODE_SUFFIX.format(language,
                    errorCode != null ? errorCode : String.join(Words.LIST_SEPARATOR.in(language), errorCodes));
        }
        Double duration = Json.number(statistics == null ? null : statistics.get("insightDuration"));

        Targets callers = new Targets(language);
        for (String caller : top(context, "userIdentityArn")) {
            callers.add(Msg.CALLER.in(language), caller);
        }

        String kind = errors ? Msg.INSIGHT_API_ERROR_RATE.in(language)
                : "ApiCallRateInsight".equals(type) ? Msg.INSIGHT_API_CALL_RATE.in(language)
                : Values.shortText(type == null ? Msg.NOT_AVAILABLE.in(language) : type, language);
        String headline = Msg.INSIGHT_SUMMARY.format(language, kind, (ended ? Msg.INSIGHT_END : Msg.INSIGHT_START).in(language),
                call == null ? "?" : call);

        Facts facts = new Facts()
                .add(Msg.EVENT, source == null && call == null ? null
                        : (source == null ? "?" : source) + " / " + (call == null ? "?" : call))
                .add(Msg.INSIGHT_STATE, (ended ? Words.INSIGHT_STATE_END : Words.INSIGHT_STATE_START).in(language))
                .add(errors ? Msg.ERROR_RATE : Msg.CALL_RATE, rate)
                .add(Msg.INSIGHT_DURATION, duration == null || duration <= 0 ? null
                        : Words.MINUTES.format(language, number(duration)))
                .add(Msg.MAIN_USER_AGENTS, joined(top(context, "userAgent")))
                .add(Msg.MAIN_ERROR_CODES, joined(errorCodes));
        String what = call == null ? "API" : call;
        String meaning = (errors ? Words.INSIGHT_MEANING_ERROR_RATE : Words.INSIGHT_MEANING_CALL_RATE).format(language, what);
        return new FindingView(headline, null, null, // urgency: SeverityPolicy ranks Insights events
                Msg.MAIN_CALLERS, callers.list(), callers.omitted(), false, facts.list(language),
                meaning, (ended ? Words.INSIGHT_CHECK_END : Words.INSIGHT_CHECK).in(language), List.of(),
                Msg.INSIGHTS_CONSOLE, link(region, r.eventId()));
    }

    /**
     * 「平常時は 1 分あたり平均 0.5 回のところ、42 回（84 倍）」. Both averages are per minute over
     * their own period; null when either is missing.
     */
    static String rateInWords(Double baseline, Double observed, boolean errors, Language language) {
        if (baseline == null || observed == null || baseline < 0 || observed < 0) {
            return null;
        }
        // below 0.01 a minute (about once a day or less), digits would only hide how rare the call was
        String usual = (baseline > 0 && baseline < 0.01 ? Words.LESS_THAN : errors ? Words.ERRORS : Words.CALLS)
                .format(language, baseline > 0 && baseline < 0.01 ? "0.01" : number(baseline));
        if (baseline == 0) {
            return (errors ? Words.ERROR_RATE_FROM_ZERO : Words.CALL_RATE_FROM_ZERO).format(language, usual, number(observed));
        }
        return (errors ? Words.ERROR_RATE_WORDS : Words.CALL_RATE_WORDS).format(language, usual, number(observed),
                ratio(observed / baseline));
    }

    /** "0.6", "42", "1.5", "1,234": two significant digits below 10, whole numbers above. */
    static String number(double d) {
        if (d >= 10) {
            return String.format(java.util.Locale.ROOT, "%,d", Math.round(d));
        }
        if (d >= 1) {
            return trim(String.format(java.util.Locale.ROOT, "%.1f", d));
        }
        if (d == 0) {
            return "0";
        }
        return trim(new java.math.BigDecimal(d).round(new java.math.MathContext(2)).toPlainString());
    }

    /** "84", "6,802", "1.5". */
    private static String ratio(double r) {
        return r >= 10 ? String.format(java.util.Locale.ROOT, "%,d", Math.round(r))
                : trim(String.format(java.util.Locale.ROOT, "%.1f", r));
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * The values of one attribution that account for most of the unusual activity, each with its
     * share ("codedeploy.amazonaws.com（100%）"). CloudTrail writes a missing error code as "null":
     * for a reader that means the calls succeeded.
     */
    private List<String> top(JsonNode context, String attribute) {
        JsonNode attributions = context == null ? null : context.get("attributions");
        if (attributions == null || !attributions.isArray()) {
            return List.of();
        }
        for (JsonNode a : attributions) {
            if (!attribute.equals(Json.text(a, "attribute"))) {
                continue;
            }
            JsonNode values = a.get("insight");
            if (values == null || !values.isArray()) {
                return List.of();
            }
            record Share(String value, double average) {}
            List<Share> shares = new ArrayList<>();
            double total = 0;
            for (JsonNode v : values) {
                Double average = Json.number(v.get("average"));
                String value = Json.text(v, "value");
                if (average != null && average >= 0) {
                    shares.add(new Share(value, average));
                    total += average;
                }
            }
            shares.sort(Comparator.comparingDouble(Share::average).reversed());
            List<String> out = new ArrayList<>();
            for (Share s : shares.subList(0, Math.min(TOP, shares.size()))) {
                String shown = s.value() == null || ("errorCode".equals(attribute) && "null".equals(s.value()))
                        ? Words.NO_ERROR.in(language) : Values.shortText(s.value(), language);
                out.add(total > 0 ? Words.SHARE.format(language, shown, Math.round(100 * s.average() / total)) : shown);
            }
            return out;
        }
        return List.of();
    }

    private String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(Words.LIST_SEPARATOR.in(language), values);
    }

    /** The Insights event in the CloudTrail console's Insights page. */
    static String link(String region, String eventId) {
        if (eventId == null) {
            return null;
        }
        return ConsoleLinks.page(region, "cloudtrailv2", "/insights/" + ConsoleLinks.encode(eventId));
    }
}
