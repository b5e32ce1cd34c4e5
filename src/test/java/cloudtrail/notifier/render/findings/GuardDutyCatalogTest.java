package cloudtrail.notifier.render.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The GuardDuty dictionary: complete in both languages, and a sensible fallback for what it lacks. */
class GuardDutyCatalogTest {
    private static final GuardDutyCatalog CATALOG = GuardDutyCatalog.load();
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    static Stream<String> types() {
        return CATALOG.types().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyFindingTypeHasBothLanguages(String type) {
        GuardDutyCatalog.Description d = CATALOG.describe(type);
        assertTrue(d.listed());
        for (GuardDutyCatalog.Text t : List.of(d.title(), d.meaning(), d.check())) {
            assertTrue(JAPANESE.matcher(t.ja()).find(), type + ": not Japanese: " + t.ja());
            assertFalse(JAPANESE.matcher(t.en()).find(), type + ": Japanese in the English text: " + t.en());
            assertFalse(t.ja().contains("{") || t.en().contains("{"), type + ": unfilled placeholder");
        }
    }

    @Test
    void theCommonFamiliesAreListed() {
        for (String prefix : List.of("Recon:", "UnauthorizedAccess:", "CryptoCurrency:", "Trojan:", "Backdoor:", "Impact:",
                "Exfiltration:", "PenTest:", "Policy:", "Stealth:", "Persistence:", "PrivilegeEscalation:", "Discovery:",
                "CredentialAccess:", "DefenseEvasion:", "Execution:")) {
            assertTrue(CATALOG.types().stream().anyMatch(t -> t.startsWith(prefix)), prefix);
        }
        for (String resource : List.of("/", ":EC2/", ":IAMUser/", ":S3/", ":Kubernetes/", ":Runtime/", ":Lambda/", ":RDS/")) {
            assertTrue(CATALOG.types().stream().anyMatch(t -> t.contains(resource)), resource);
        }
        assertNotNull(CATALOG.describe("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Recon:EC2/SomethingNew                | 偵察（EC2 インスタンス）             | reconnaissance (EC2 instance)
            Backdoor:Lambda/NotYetListed.B        | バックドア（Lambda 関数）            | backdoor (Lambda function)
            Impact:S3/Future!Thing                | 破壊・悪用（S3 バケット）            | impact (S3 bucket)
            Persistence:NewResource/Anything      | 居座り（永続化）                     | persistence
            """)
    void anUnknownTypeFallsBackByItsPurpose(String type, String ja, String en) {
        GuardDutyCatalog.Description d = CATALOG.describe(type);
        assertFalse(d.listed());
        assertEquals(ja, d.title().ja());
        assertEquals(en, d.title().en());
        assertTrue(JAPANESE.matcher(d.meaning().ja()).find());
        assertFalse(d.check().en().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", textBlock = """
            NULL
            NoColonHere
            Unheard:EC2/Of
            """)
    void aTypeOutsideTheNamingSchemeHasNoDescription(String type) {
        assertNull(CATALOG.describe(type));
    }
}
