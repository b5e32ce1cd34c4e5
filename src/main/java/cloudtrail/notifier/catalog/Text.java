package cloudtrail.notifier.catalog;

import cloudtrail.notifier.config.Language;
import com.fasterxml.jackson.databind.JsonNode;

/** A phrase in both languages, as the catalog writes it: {"ja": "…", "en": "…"}. */
public record Text(String ja, String en) {
    public String in(Language language) {
        return language == Language.JA ? ja : en;
    }

    /** @throws IllegalArgumentException naming {@code where} when either language is missing */
    static Text of(JsonNode node, String where) {
        String ja = node == null ? null : node.path("ja").asText(null);
        String en = node == null ? null : node.path("en").asText(null);
        if (ja == null || ja.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException(where + ": needs both \"ja\" and \"en\"");
        }
        return new Text(ja, en);
    }

    static Text optional(JsonNode node, String where) {
        return node == null || node.isMissingNode() || node.isNull() ? null : of(node, where);
    }
}
