package io.harmattan.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.audit.AuditEvent;
import io.harmattan.testing.Clients;
import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/** The admin area: the audit log, staff accounts, and who may reach it. */
@QuarkusTest
class AdminTest {

    static DemoSessions as;

    @Inject
    Keycloak keycloak;

    @BeforeAll
    static void signIn() throws Exception {
        as = DemoSessions.signIn();
    }

    @Test
    void adminPagesAreRefusedToEveryOtherRole() {
        for (String path : List.of("/admin", "/admin/audit", "/admin/audit.csv", "/admin/staff")) {
            assertThat(as.admin().get(path).statusCode()).as(path).isEqualTo(200);
            for (FormSession other : List.of(as.consultant(), as.lead(), as.client())) {
                assertThat(other.get(path).statusCode()).as(path).isEqualTo(403);
            }
            assertThat(given().redirects().follow(false).get(path).statusCode()).as(path).isEqualTo(302);
        }
        // Posting needs the role too, whatever the CSRF token.
        FormSession.Page page = as.admin().open("/admin/staff");
        Response refused = new FormSession.Page(page.response(), page.csrfCookie(), page.csrfField(), as.lead().cookies())
                .post(Map.of("firstName", "A", "lastName", "B", "email", Clients.email("x"), "language", "en",
                        "role", "admin")).post("/admin/staff");
        assertThat(refused.statusCode()).isEqualTo(403);
        // Admins manage organisations through the console's client pages, and see no lead.
        assertThat(as.admin().get("/console/clients").statusCode()).isEqualTo(200);
        assertThat(as.admin().get("/console/leads").statusCode()).isEqualTo(403);
    }

    @Test
    void theAuditLogFiltersPagesAndDownloads() {
        String actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 60; i++) {
                AuditEvent.record(actor, i % 2 == 0 ? "test.even" : "test.odd", "thing", i, "n=" + i);
            }
        });

        Response first = as.admin().get("/admin/audit?actor=" + actor);
        assertThat(first.statusCode()).isEqualTo(200);
        String body = first.body().asString();
        assertThat(rows(body)).isEqualTo(50);
        assertThat(body).contains("n=59").doesNotContain("n=9<");
        String next = first.htmlPath().getString("**.find { it.@id == 'next-page' }.@href");
        Response second = as.admin().get(next);
        assertThat(rows(second.body().asString())).isEqualTo(10);
        assertThat(second.body().asString()).contains("n=0<").doesNotContain("id=\"next-page\"");

        Response odd = as.admin().get("/admin/audit?actor=" + actor + "&action=test.od&type=thing&target=7");
        assertThat(rows(odd.body().asString())).isEqualTo(1);
        assertThat(as.admin().get("/admin/audit?actor=" + actor + "&from=2000-01-01&to=2000-01-02").body().asString())
                .contains("id=\"no-events\"");

        Response csv = as.admin().get("/admin/audit.csv?actor=" + actor + "&action=test.even");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = new String(csv.asByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(31);
        assertThat(lines[0]).endsWith("id,occurred_at_utc,actor,action,target_type,target_id,details");
        assertThat(lines[1]).contains(actor + ",test.even,thing,58,n=58");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and actor = ?2",
                "audit.exported", "demo-admin"))).isPositive();
    }

    @Test
    void theStaffPageListsTheTeamFromKeycloakAndInvitesAndDisablesAConsultant() throws Exception {
        String staff = as.admin().get("/admin/staff").body().asString();
        assertThat(staff).contains("data-username=\"demo-consultant\"").contains("data-username=\"demo-lead\"")
                .contains("data-username=\"demo-admin\"").doesNotContain("data-username=\"demo-client\"");

        Response bad = as.admin().open("/admin/staff").post(Map.of("firstName", "Seydou (IT)", "lastName", "", "email",
                "kept@staff.test", "language", "en", "role", "root")).post("/admin/staff");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"firstName-error\"").contains("id=\"lastName-error\"")
                .contains("value=\"kept@staff.test\"");
        assertThat(Clients.accounts(keycloak, "kept@staff.test")).isEmpty();

        String email = Clients.email("new.consultant");
        Response invited = as.admin().open("/admin/staff").post(Map.of("firstName", "Seydou", "lastName", "Barry",
                "email", email, "language", "fr", "role", "consultant")).post("/admin/staff");
        assertThat(invited.statusCode()).isEqualTo(303);
        var account = Clients.accounts(keycloak, email);
        assertThat(account).hasSize(1);
        var user = keycloak.realm("harmattan").users().get(account.get(0).getId());
        assertThat(user.roles().realmLevel().listEffective()).extracting(r -> r.getName()).contains("consultant");
        assertThat(Eventually.until(() -> Mailbox.to(email), list -> !list.isEmpty())).hasSize(1);

        Clients.setPassword(keycloak, account.get(0).getId(), "demo");
        FormSession newcomer = new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", email, "demo"));
        assertThat(newcomer.get("/console").statusCode()).isEqualTo(200);

        Response disabled = as.admin().open("/admin/staff").post(Map.of())
                .post("/admin/staff/" + account.get(0).getId() + "/disable");
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(user.toRepresentation().isEnabled()).isFalse();
        // Their open session ends with it, on every instance (security/Revocations).
        Response next = newcomer.get("/console");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.header("Location")).contains("/protocol/openid-connect/auth");
        // A client's account is not staff: it cannot be disabled from here.
        String clientId = Clients.accounts(keycloak, "demo-client@sahel-gold.test").get(0).getId();
        assertThat(as.admin().open("/admin/staff").post(Map.of()).post("/admin/staff/" + clientId + "/disable").statusCode())
                .isEqualTo(404);
    }

    private static int rows(String body) {
        return (int) java.util.regex.Pattern.compile("<tr data-id=").matcher(body).results().count();
    }
}
