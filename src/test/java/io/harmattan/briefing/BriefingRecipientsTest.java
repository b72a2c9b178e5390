package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.account.ClientUser;
import io.harmattan.testing.Clients;
import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * TLP:RED means named recipients only: of two people of the same matching organisation, the one
 * the author names reads the briefing; the other does not see it in the list or the search, and
 * gets the same 404 as for a missing briefing (its PDF too).
 */
@QuarkusTest
class BriefingRecipientsTest {

    private static final Pattern LOCK = Pattern.compile("name=\"lock\" value=\"(\\d*)\"");

    @Inject
    Keycloak keycloak;


    private FormSession person(FormSession lead, long organisation, String first, String email) throws Exception {
        Response invited = lead.open("/console/clients/" + organisation).post(Map.of("firstName", first, "lastName", "Maïga",
                "email", email, "language", "en")).post("/console/clients/" + organisation + "/people");
        assertThat(invited.statusCode()).isEqualTo(303);
        String subject = QuarkusTransaction.requiringNew().call(() -> ClientUser.byEmail(email).orElseThrow().subject);
        Clients.setPassword(keycloak, subject, "demo");
        return new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo"));
    }

    private static Response step(FormSession who, long id, String step) {
        Page page = who.open("/console/briefings/" + id + "/edit");
        // Written in English only: publishing confirms that, as the author would by ticking the box.
        return page.post(Map.of("lock", page.find(LOCK), "confirm", "yes")).post("/console/briefings/" + id + "/" + step);
    }

    @Test
    void onlyTheNamedPersonReadsATlpRedBriefing() throws Exception {
        DemoSessions staff = DemoSessions.signIn();
        FormSession lead = staff.lead();
        String word = "zq" + System.nanoTime();
        // The organisation's name shows on every portal page: it must not carry the briefing's word.
        long organisation = Clients.organisation("Ménaka Gold", Set.of("mining"), Set.of("NE"));
        String namedEmail = Clients.email("named");
        String otherEmail = Clients.email("other");
        FormSession named = person(lead, organisation, "Aminata", namedEmail);
        FormSession other = person(lead, organisation, "Ibrahim", otherEmail);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("titleEn", "Tillabéri: informant network " + word);
        fields.put("summaryEn", "For named readers only " + word);
        fields.put("bodyEn", "Sources and routes " + word);
        fields.put("countries", List.of("NE"));
        fields.put("sectors", List.of("mining"));
        fields.put("securityRisk", "4");
        fields.put("politicalRisk", "3");
        fields.put("operationalRisk", "3");
        fields.put("tlp", "RED");
        fields.put("reviewDate", LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString());
        fields.put("sources", "Own network");
        Response created = lead.open("/console/briefings/new").post(fields).post("/console/briefings");
        String location = created.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // The page offers the people of matching organisations; only those ticked are named.
        String page = staff.consultant().get("/console/briefings/" + id).body().asString();
        assertThat(page).contains("id=\"recipients\"", namedEmail, otherEmail);
        long namedId = QuarkusTransaction.requiringNew().call(() -> ClientUser.byEmail(namedEmail).orElseThrow().id);
        Page briefing = staff.consultant().open("/console/briefings/" + id);
        assertThat(briefing.post(Map.of("people", List.of(Long.toString(namedId), "999999999", "x")))
                .post("/console/briefings/" + id + "/recipients").statusCode()).isEqualTo(303);
        assertThat(step(staff.consultant(), id, "approve").statusCode()).isEqualTo(403);
        assertThat(step(FormSession.signIn("/console", "demo-lead2"), id, "approve").statusCode()).isEqualTo(303);
        assertThat(step(lead, id, "publish").statusCode()).isEqualTo(303);

        assertThat(named.get("/portal/briefings").body().asString()).contains(word);
        assertThat(named.get("/portal/briefings/" + id).body().asString()).contains("Sources and routes " + word, "TLP:RED");
        assertThat(named.get("/portal/briefings?q=" + word).body().asString()).contains("data-id=\"" + id + "\"");

        assertThat(other.get("/portal/briefings").body().asString()).doesNotContain(word);
        // The search box repeats the word; no briefing is found with it.
        assertThat(other.get("/portal/briefings?q=" + word).body().asString()).contains("id=\"no-briefings\"")
                .doesNotContain("data-id=\"" + id + "\"");
        assertThat(other.get("/portal/briefings/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/portal/briefings/999999999").statusCode()).isEqualTo(404);
        assertThat(other.get("/portal/briefings/" + id + "/pdf").statusCode()).isEqualTo(404);
        // demo-client's organisation (Mali and Burkina Faso) does not match it at all.
        assertThat(staff.client().get("/portal/briefings/" + id).statusCode()).isEqualTo(404);
    }
}
