package cloudtrail.notifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloudtrail.notifier.testing.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the catalog ranks critical (or as a foothold) reaches the function: template.yaml's RiskyChanges
 * rules are exactly the ones derived from the catalog (see CatalogRoutes), so a catalog change that the
 * template does not follow fails here, with the rules to paste printed by CatalogRoutes.main.
 */
class CatalogRoutesTest {
    @Test
    void theTemplateRoutesWhatTheCatalogRanksCritical() throws Exception {
        List<ObjectNode> expected = CatalogRoutes.patterns();
        List<JsonNode> actual = new ArrayList<>();
        Map<String, JsonNode> rules = SamTemplate.load().rules();
        for (int i = 1; rules.containsKey(CatalogRoutes.PREFIX + i); i++) {
            JsonNode rule = rules.get(CatalogRoutes.PREFIX + i);
            actual.add(rule.path("EventPattern"));
            assertEquals(1, rule.path("Targets").size(), CatalogRoutes.PREFIX + i);
            JsonNode target = rule.path("Targets").get(0);
            assertEquals("NotificationQueue", target.path("Arn").path("Fn::GetAtt").path(0).asText(), CatalogRoutes.PREFIX + i);
            assertEquals("DeadLetterQueue", target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText());
        }
        assertEquals(expected.size(), actual.size(), "RiskyChanges rules in template.yaml");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), CatalogRoutes.PREFIX + (i + 1) + " differs from what the catalog implies");
            assertTrue(expected.get(i).toString().length() <= CatalogRoutes.MAX_CHARS);
        }
    }
}
