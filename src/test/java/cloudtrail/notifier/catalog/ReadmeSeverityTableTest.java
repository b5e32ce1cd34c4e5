package cloudtrail.notifier.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloudtrail.notifier.config.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's severity table says what reasons.json says, in its order: the reader's documentation cannot drift. */
class ReadmeSeverityTableTest {
    @Test
    void theTableListsEveryReasonWithItsSeverityInOrder() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## 重要度\n"), readme.indexOf("## 設定（環境変数）"));
        List<String> documented = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| 重要度") && !line.startsWith("| ---")) {
                String[] cells = line.split("\\|");
                documented.add(cells[1].strip() + " " + cells[2].strip());
            }
        }
        List<String> catalog = new ArrayList<>();
        for (Reason r : CatalogFiles.CATALOG.reasons()) {
            catalog.add(r.severity().label(Language.JA) + " " + r.label(Language.JA));
        }
        assertEquals(catalog, documented);
    }
}
