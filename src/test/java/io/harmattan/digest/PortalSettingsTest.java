package io.harmattan.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * demo-client (Claire Dubois, Sahel Gold Resources: mining and energy in Mali and Burkina Faso)
 * chooses her language and what her digest covers; only her organisation's countries and sectors
 * are offered or kept, and an empty choice with a digest on is refused with her input kept.
 */
@QuarkusTest
class PortalSettingsTest {

    private static final String CLAIRE = "demo-client@sahel-gold.test";
    private static FormSession client;

    @BeforeAll
    static void signIn() throws Exception {
        client = FormSession.signIn("/portal", "demo-client");
    }

    @AfterEach
    void restore() {
        QuarkusTransaction.requiringNew().run(() -> claire().choose("en", DigestFrequency.WEEKLY, true, Set.of(), Set.of()));
    }

    private static ClientUser claire() {
        return ClientUser.<ClientUser>find("email", CLAIRE).firstResult();
    }

    @Test
    void theSettingsOfferOnlyTheOrganisationsCountriesAndSectorsAndKeepTheChoice() {
        Page page = client.open("/portal/settings");
        assertThat(page.body()).contains("Mali", "Burkina Faso", "Mining", "Energy", "Once a week, on a working morning",
                "name=\"alerts\" value=\"yes\" id=\"alerts\" aria-describedby=\"alerts-hint\" checked")
                .doesNotContain("value=\"NE\"", "value=\"construction\"");

        Response saved = page.post(Map.of("language", "fr", "digest", "daily", "countries", List.of("ML", "NE"),
                "sectors", List.of("mining", "energy", "finance"))).post("/portal/settings");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getCookie("lang")).isEqualTo("fr");
        Map<String, Object> stored = QuarkusTransaction.requiringNew().call(() -> {
            ClientUser person = claire();
            return Map.of("language", person.language, "digest", person.digest, "alerts", person.versionAlerts,
                    "countries", Set.copyOf(person.mutedCountries), "sectors", Set.copyOf(person.mutedSectors));
        });
        assertThat(stored).containsEntry("language", "fr").containsEntry("digest", DigestFrequency.DAILY)
                .containsEntry("alerts", false).containsEntry("countries", Set.of("BF")).containsEntry("sectors", Set.of());

        // The browser now sends the cookie it was given.
        String french = given().header("Cookie", client.cookies() + "; lang=" + saved.getCookie("lang"))
                .get("/portal/settings").body().asString();
        assertThat(french).contains("Vos paramètres", "Chaque matin ouvré", "value=\"daily\" checked",
                "value=\"ML\" checked").doesNotContain("value=\"BF\" checked");
    }

    @Test
    void anEmptyChoiceWithTheDigestOnIsRefusedAndNothingIsSaved() {
        Page page = client.open("/portal/settings");
        Response refused = page.post(Map.of("language", "en", "digest", "weekly", "sectors", List.of("energy"), "alerts", "yes"))
                .post("/portal/settings");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"settings-errors\"", "href=\"#countries\"",
                "Choose at least one, or set the digest to never.", "value=\"energy\" checked")
                .doesNotContain("value=\"mining\" checked");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Set.copyOf(claire().mutedSectors))).isEmpty();

        // With the digest off, nothing needs choosing.
        assertThat(page.post(Map.of("language", "en", "digest", "off")).post("/portal/settings").statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> claire().digest)).isEqualTo(DigestFrequency.OFF);
    }
}
