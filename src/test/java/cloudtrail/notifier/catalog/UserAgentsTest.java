package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.event.JsonTrees;
import org.junit.jupiter.api.Test;

/** describe keeps each answer: kept answers must be the answers, in each language, however many user agents come. */
class UserAgentsTest {
    private static final UserAgents AGENTS = Catalog.load(new JsonTrees()).userAgents();
    private static final String CLI = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.amzn.2023 prompt/off command/s3.ls";

    @Test
    void aUserAgentSeenAgainIsDescribedAsTheFirstTimeInEachLanguage() {
        for (int i = 0; i < 3; i++) {
            assertEquals(new UserAgents.Described(AGENTS.summarise(CLI, Language.JA), AGENTS.tool(CLI, Language.JA)),
                    AGENTS.describe(CLI, Language.JA));
            assertEquals(new UserAgents.Described(AGENTS.summarise(CLI, Language.EN), AGENTS.tool(CLI, Language.EN)),
                    AGENTS.describe(CLI, Language.EN));
        }
        assertEquals("AWS CLI 2.15 (Linux)", AGENTS.describe(CLI, Language.EN).summary());
    }

    @Test
    void endlessDistinctUserAgentsAreStillDescribed() {
        for (int i = 0; i < 3000; i++) {
            String ua = "aws-cli/2." + i + ".0 Python/3.11.6 Linux/6.1.0";
            assertEquals(AGENTS.summarise(ua, Language.EN), AGENTS.describe(ua, Language.EN).summary());
        }
        assertNull(AGENTS.describe(null, Language.EN).summary());
        String lng = "x".repeat(600);
        assertEquals(AGENTS.summarise(lng, Language.EN), AGENTS.describe(lng, Language.EN).summary());
    }
}
