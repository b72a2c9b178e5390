package io.harmattan.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Clients;
import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Inviting, linking, suspending and removing the people of client organisations, against the real Keycloak. */
@QuarkusTest
class ClientPeopleTest {

    private static FormSession lead;
    private static FormSession consultant;
    private static FormSession admin;

    @Inject
    Keycloak keycloak;

    @Inject
    People people;

    @BeforeAll
    static void signIn() throws Exception {
        lead = FormSession.signIn("/console", "demo-lead");
        consultant = FormSession.signIn("/console", "demo-consultant");
        admin = FormSession.signIn("/admin", "demo-admin");
    }

    private static Response invite(long organisation, String first, String last, String email, String language) {
        return lead.open("/console/clients/" + organisation).post(Map.of("firstName", first, "lastName", last, "email", email,
                "language", language)).post("/console/clients/" + organisation + "/people");
    }

    private static Optional<ClientUser> person(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ClientUser.byEmail(email).map(p -> {
            p.organisation.id.longValue();
            return p;
        }));
    }

    @Test
    void invitingCreatesTheAccountInTheOrganisationAndKeycloakMailsItInThePersonsLanguage() throws Exception {
        long organisation = Clients.organisation("Niger Ciment", Set.of("construction"), Set.of("NE"));
        String email = Clients.email("awa.moussa");

        Response invited = invite(organisation, "Awa", "Moussa", email, "fr");

        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(invited.getCookie("flash")).isEqualTo("person-invited");
        ClientUser person = person(email).orElseThrow();
        assertThat(person.subject).isNotNull();
        assertThat(person.syncDueAt).isNull();
        List<UserRepresentation> accounts = Clients.accounts(keycloak, email);
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).getId()).isEqualTo(person.subject);
        var user = keycloak.realm("harmattan").users().get(person.subject);
        assertThat(user.groups()).extracting(g -> g.getPath()).containsExactly("/clients/org-" + organisation);
        assertThat(user.roles().realmLevel().listEffective()).extracting(r -> r.getName()).contains("client");
        assertThat(user.toRepresentation().getAttributes()).containsEntry("locale", List.of("fr"));

        List<MimeMessage> mail = Eventually.until(() -> Mailbox.to(email), list -> !list.isEmpty());
        assertThat(mail).hasSize(1);
        String text = io.harmattan.testing.MailText.of(mail.get(0));
        assertThat(text).contains("/realms/harmattan/login-actions/action-token");
        assertThat(mail.get(0).getSubject() + text).containsIgnoringCase("mot de passe");
    }

    @Test
    void anEmailThatAlreadyHasAnAccountIsLinkedNeverDuplicated() {
        long organisation = Clients.organisation("Kayes Logistique", Set.of("logistics"), Set.of("ML"));
        String email = Clients.email("existing");
        UserRepresentation existing = new UserRepresentation();
        existing.setUsername(email);
        existing.setEmail(email);
        existing.setFirstName("Ibrahim");
        existing.setLastName("Sow");
        existing.setEnabled(true);
        existing.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("demo");
        password.setTemporary(false);
        existing.setCredentials(List.of(password));
        keycloak.realm("harmattan").users().create(existing).close();
        String existingId = Clients.accounts(keycloak, email).get(0).getId();

        Response linked = invite(organisation, "Ibrahim", "Sow", email, "en");
        assertThat(linked.statusCode()).isEqualTo(303);
        assertThat(linked.getCookie("flash")).isEqualTo("person-linked");
        Response again = invite(organisation, "Ibrahim", "Sow", email, "en");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body().asString()).contains("already one of this organisation");
        assertThat(Clients.accounts(keycloak, email)).hasSize(1);
        assertThat(person(email).orElseThrow().subject).isEqualTo(existingId);
        assertThat(keycloak.realm("harmattan").users().get(existingId).groups()).extracting(g -> g.getPath())
                .containsExactly("/clients/org-" + organisation);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ClientUser.count("email", email))).isEqualTo(1);
        // It already had a password: no set-password mail.
        assertThat(Mailbox.to(email)).isEmpty();
    }

    @Test
    void someoneOfAnotherOrganisationIsRefusedWithAClearMessage() {
        long first = Clients.organisation("Ouaga Banque", Set.of("finance"), Set.of("BF"));
        long second = Clients.organisation("Sahel Assurances", Set.of("finance"), Set.of("BF"));
        String email = Clients.email("moved");
        assertThat(invite(first, "Fatou", "Kane", email, "en").statusCode()).isEqualTo(303);

        Response refused = invite(second, "Fatou", "Kane", email, "en");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).contains("belongs to another client organisation")
                .contains("value=\"" + email + "\"");
        assertThat(person(email).orElseThrow().organisation.id).isEqualTo(first);
        assertThat(Clients.accounts(keycloak, email)).hasSize(1);
    }

    @Test
    void invalidInvitationsAreShownAgainWithTheirErrors() {
        long organisation = Clients.organisation("Tillabéri Agro", Set.of("agriculture"), Set.of("NE"));
        Response refused = invite(organisation, "", "Diallo", "not-an-email", "en");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"firstName-error\"").contains("id=\"email-error\"")
                .contains("value=\"Diallo\"").contains("id=\"invite-problem\"");
        assertThat(person("not-an-email")).isEmpty();
        // Characters Keycloak refuses in a name, and an address without a domain, are caught by the form.
        Response brackets = invite(organisation, "Awa (Sales)", "Diallo", "a@b", "en");
        assertThat(brackets.statusCode()).isEqualTo(400);
        assertThat(brackets.body().asString()).contains("A name may not contain").contains("id=\"email-error\"");
        // Spaces around an address are not an error.
        String spaced = Clients.email("spaced");
        assertThat(invite(organisation, "Awa", "Diallo", "  " + spaced + " ", "en").statusCode()).isEqualTo(303);
        assertThat(person(spaced)).isPresent();
    }

    @Test
    void aStateChangingRequestWithoutAFormBodyIsRefusedWhateverItsType() throws Exception {
        long organisation = Clients.organisation("Zinder Transports", Set.of("logistics"), Set.of("NE"));
        String email = Clients.email("kept");
        assertThat(invite(organisation, "Sani", "Moussa", email, "en").statusCode()).isEqualTo(303);
        long id = person(email).orElseThrow().id;
        String suspend = "/console/clients/" + organisation + "/people/" + id + "/suspend";
        // As curl -X POST sends it: no body, no Content-Type.
        var bodyless = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(TestStack.get().appUrl() + suspend)).header("Cookie", lead.cookies())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(bodyless.statusCode()).isEqualTo(415);
        assertThat(io.restassured.RestAssured.given().redirects().follow(false).header("Cookie", lead.cookies())
                .contentType("text/plain").body("x=y").post(suspend).statusCode()).isEqualTo(415);
        assertThat(io.restassured.RestAssured.given().redirects().follow(false).header("Cookie", lead.cookies())
                .contentType("application/json").body("{}").post("/console/clients/" + organisation + "/status").statusCode())
                .isEqualTo(415);
        assertThat(person(email).orElseThrow().status).isEqualTo(PersonStatus.ACTIVE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ClientOrganisation.<ClientOrganisation>findById(organisation)
                .status)).isEqualTo(OrganisationStatus.ACTIVE);
    }

    @Test
    void withKeycloakDownTheInvitationWaitsWholeAndTheJobFinishesIt() throws Exception {
        long organisation = Clients.organisation("Agadez Uranium Services", Set.of("mining"), Set.of("NE"));
        String email = Clients.email("pending");
        TestStack.get().withKeycloakStopped(() -> {
            Response pending = invite(organisation, "Moussa", "Issa", email, "en");
            assertThat(pending.statusCode()).isEqualTo(303);
            assertThat(pending.getCookie("flash")).isEqualTo("person-pending");
            ClientUser waiting = person(email).orElseThrow();
            assertThat(waiting.subject).isNull();
            assertThat(waiting.syncProblem).isEqualTo(SyncProblem.KEYCLOAK_UNAVAILABLE);
            assertThat(waiting.syncDueAt).isAfter(Instant.now());
            assertThat(lead.get("/console/clients/" + organisation).body().asString())
                    .contains("data-standing=\"pending\"").contains("the sign-in service has not answered yet");
            // The admin's staff page says Keycloak is away instead of failing; a staff invitation changes nothing.
            Response staff = admin.get("/admin/staff");
            assertThat(staff.statusCode()).isEqualTo(200);
            assertThat(staff.body().asString()).contains("id=\"keycloak-down\"");
            String staffEmail = Clients.email("staff.while.down");
            Response refused = admin.open("/admin/staff").post(Map.of("firstName", "Nana", "lastName", "Bako",
                    "email", staffEmail, "language", "en", "role", "consultant")).post("/admin/staff");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body().asString()).contains("value=\"" + staffEmail + "\"");
            // The portal knows no such person while it waits.
            assertThat(QuarkusTransaction.requiringNew().call(() -> ClientUser.count("subject is null and email = ?1", email)))
                    .isEqualTo(1);
        });
        assertThat(Clients.accounts(keycloak, email)).isEmpty();

        // Due now, as the back-off would make it later; then the clustered job's own method runs.
        QuarkusTransaction.requiringNew().run(() -> ClientUser.update("syncDueAt = ?1 where email = ?2", Instant.now(), email));
        people.retryDue();

        ClientUser done = person(email).orElseThrow();
        assertThat(done.subject).isNotNull();
        assertThat(done.syncDueAt).isNull();
        assertThat(done.syncProblem).isNull();
        assertThat(Clients.accounts(keycloak, email)).extracting(UserRepresentation::getId).containsExactly(done.subject);
        assertThat(Eventually.until(() -> Mailbox.to(email), list -> !list.isEmpty())).hasSize(1);
    }

    @Test
    void aSuspendedOrganisationsPeopleAreRefusedAtOnceAndReadAgainWhenReactivated() throws Exception {
        long organisation = Clients.organisation("Bamako Énergie", Set.of("energy"), Set.of("ML"));
        String email = Clients.email("reader");
        assertThat(invite(organisation, "Oumar", "Coulibaly", email, "en").statusCode()).isEqualTo(303);
        Clients.setPassword(keycloak, person(email).orElseThrow().subject, "demo");
        String client = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo");
        FormSession reader = new FormSession(client);
        assertThat(reader.get("/portal/briefings").statusCode()).isEqualTo(200);

        Response suspended = lead.open("/console/clients/" + organisation).post(Map.of("status", "suspended"))
                .post("/console/clients/" + organisation + "/status");
        assertThat(suspended.statusCode()).isEqualTo(303);

        Response closed = reader.get("/portal");
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body().asString()).contains("Your access to the portal is suspended or has ended");
        assertThat(reader.get("/portal/briefings").statusCode()).isEqualTo(403);
        assertThat(reader.get("/portal/briefings/1").statusCode()).isEqualTo(403);

        lead.open("/console/clients/" + organisation).post(Map.of("status", "active"))
                .post("/console/clients/" + organisation + "/status");
        assertThat(reader.get("/portal/briefings").statusCode()).isEqualTo(200);
        assertThat(person(email).orElseThrow().lastSignInAt).as("sign-in recorded").isNotNull();
    }

    @Test
    void aRemovedPersonIsRefusedOnTheNextRequestAndTheirAccountIsDisabled() throws Exception {
        long organisation = Clients.organisation("Niamey Télécom", Set.of("telecoms"), Set.of("NE"));
        String email = Clients.email("leaving");
        assertThat(invite(organisation, "Halima", "Abdou", email, "en").statusCode()).isEqualTo(303);
        ClientUser person = person(email).orElseThrow();
        Clients.setPassword(keycloak, person.subject, "demo");
        FormSession reader = new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo"));
        assertThat(reader.get("/portal").statusCode()).isEqualTo(200);

        Response removed = lead.open("/console/clients/" + organisation).post(Map.of())
                .post("/console/clients/" + organisation + "/people/" + person.id + "/remove");

        assertThat(removed.statusCode()).isEqualTo(303);
        // Their session ends on the spot (security/Revocations): back to a sign-in their account can no longer pass.
        Response next = reader.get("/portal");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.header("Location")).contains("/protocol/openid-connect/auth");
        assertThat(person(email)).as("the link is gone").isEmpty();
        var account = keycloak.realm("harmattan").users().get(person.subject);
        assertThat(account.toRepresentation().isEnabled()).isFalse();
        assertThat(account.groups()).isEmpty();
        assertThat(account.getUserSessions()).isEmpty();
    }

    @Test
    void suspendingAPersonEndsTheirAccessAndReinstatingGivesItBack() throws Exception {
        long organisation = Clients.organisation("Ségou Coton", Set.of("agriculture"), Set.of("ML"));
        String email = Clients.email("paused");
        assertThat(invite(organisation, "Mariam", "Traoré", email, "fr").statusCode()).isEqualTo(303);
        ClientUser person = person(email).orElseThrow();
        Clients.setPassword(keycloak, person.subject, "demo");
        FormSession reader = new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo"));

        lead.open("/console/clients/" + organisation).post(Map.of())
                .post("/console/clients/" + organisation + "/people/" + person.id + "/suspend");
        assertThat(reader.get("/portal").statusCode()).as("the session has ended").isEqualTo(302);
        assertThat(keycloak.realm("harmattan").users().get(person.subject).toRepresentation().isEnabled()).isFalse();

        lead.open("/console/clients/" + organisation).post(Map.of())
                .post("/console/clients/" + organisation + "/people/" + person.id + "/reinstate");
        assertThat(keycloak.realm("harmattan").users().get(person.subject).toRepresentation().isEnabled()).isTrue();
        FormSession again = new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo"));
        assertThat(again.get("/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void consultantsReadTheClientPagesButOnlyLeadConsultantsChangeThem() {
        long organisation = Clients.organisation("Dosso Routes", Set.of("construction"), Set.of("NE"));
        assertThat(consultant.get("/console/clients").statusCode()).isEqualTo(200);
        Response page = consultant.get("/console/clients/" + organisation);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).doesNotContain("id=\"invite\"").doesNotContain("id=\"follows\"");

        FormSession.Page leadsForm = lead.open("/console/clients/" + organisation);
        Response refused = new FormSession.Page(leadsForm.response(), leadsForm.csrfCookie(), leadsForm.csrfField(),
                consultant.cookies()).post(Map.of("firstName", "A", "lastName", "B", "email", Clients.email("nope"),
                "language", "en")).post("/console/clients/" + organisation + "/people");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(lead.get("/console/clients/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void leadConsultantsChangeWhatAnOrganisationFollowsAndStaleFormsAreCaught() {
        long organisation = Clients.organisation("Kaya Mines", Set.of("mining"), Set.of("BF"));
        FormSession.Page form = lead.open("/console/clients/" + organisation);
        String version = form.find(java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\""));

        Response saved = form.post(Map.of("version", version, "sectors", List.of("mining", "energy"),
                "countries", List.of("BF", "NE", "XX"))).post("/console/clients/" + organisation + "/follows");
        assertThat(saved.statusCode()).isEqualTo(303);
        ClientOrganisation after = QuarkusTransaction.requiringNew()
                .call(() -> ClientOrganisation.withFollows(organisation).orElseThrow());
        assertThat(after.sectors).containsExactlyInAnyOrder("mining", "energy");
        assertThat(after.countries).containsExactlyInAnyOrder("BF", "NE");

        Response stale = form.post(Map.of("version", version, "sectors", List.of("finance"), "countries", List.of("ML")))
                .post("/console/clients/" + organisation + "/follows");
        assertThat(stale.statusCode()).isEqualTo(409);
        Response empty = lead.open("/console/clients/" + organisation).post(Map.of("version", Long.toString(after.version),
                "countries", List.of("ML"))).post("/console/clients/" + organisation + "/follows");
        assertThat(empty.statusCode()).isEqualTo(400);
    }
}
