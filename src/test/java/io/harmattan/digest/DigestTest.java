package io.harmattan.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientOrganisation;
import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.briefing.Briefing;
import io.harmattan.briefing.BriefingCatalogue;
import io.harmattan.briefing.BriefingForm;
import io.harmattan.briefing.BriefingReads;
import io.harmattan.briefing.BriefingRecipients;
import io.harmattan.briefing.Briefings;
import io.harmattan.mail.OutboxMessage;
import io.harmattan.security.UnsubscribeLinks;
import io.harmattan.testing.Clients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What clients receive by mail: the digest, once per period per person whatever the number of
 * runs or schedulers, in the person's language, with what they chose and never the text of a
 * restricted briefing; the new-version alert, once per version; and the link that stops both for
 * that person only. The tests run the jobs themselves (their schedules are off in tests), a few
 * minutes ahead so that what was just published has settled.
 */
@QuarkusTest
class DigestTest {

    private static final Pattern STOP = Pattern.compile("https?://[^\\s]+(/unsubscribe/briefings\\?t=[A-Za-z0-9_.-]+)&lang=(en|fr)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    Digests digests;

    @Inject
    VersionAlerts alerts;

    @Inject
    Briefings briefings;

    @Inject
    BriefingCatalogue catalogue;

    @Inject
    BriefingReads reads;

    @Inject
    BriefingRecipients recipients;

    @Inject
    HarmattanConfig config;

    /**
     * A person of the organisation with a Keycloak id of their own and no Keycloak work due, made
     * now: briefings other tests published earlier are not news to them.
     */
    private static long person(long organisationId, String first, String language, DigestFrequency frequency,
            Set<String> mutedCountries) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientUser person = ClientUser.invite(ClientOrganisation.<ClientOrganisation>findById(organisationId),
                    Clients.email(first), first, "Test", language, "demo-lead", Instant.now());
            person.subject = UUID.randomUUID().toString();
            person.syncDueAt = null;
            person.digest = frequency;
            person.mutedCountries.addAll(mutedCountries);
            return person.id;
        });
    }

    private static BriefingForm form(String title, String tlp, String country) {
        BriefingForm form = new BriefingForm();
        form.titleEn = title;
        form.summaryEn = "Summary " + title;
        form.bodyEn = "Body " + title;
        form.titleFr = "Titre " + title;
        form.summaryFr = "Résumé " + title;
        form.bodyFr = "Corps " + title;
        form.countries = List.of(country);
        form.sectors = List.of("mining");
        form.securityRisk = "3";
        form.politicalRisk = "3";
        form.operationalRisk = "3";
        form.tlp = tlp;
        form.reviewDate = "2027-06-01";
        return form;
    }

    private long publish(String title, String tlp, String country) {
        long id = briefings.create(form(title, tlp, country), "demo-consultant", Instant.now()).id;
        publishDraft(id);
        return id;
    }

    private void publishDraft(long id) {
        long lock = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id).version);
        briefings.publish(id, lock, "demo-consultant", Instant.now(), true);
        catalogue.invalidate();
    }

    /** Saves a new draft of a published briefing under this title (published separately). */
    private void saveVersion(long id, String title, String tlp) {
        long lock = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id).version);
        BriefingForm changed = form(title, tlp, "ML");
        changed.lock = lock;
        briefings.save(id, changed, "demo-consultant", Instant.now());
    }

    /** A TLP:RED briefing on mining in Mali: approved by a second lead consultant, named for one person. */
    private long publishRed(String title, long namedPerson) {
        BriefingForm form = form(title, "RED", "ML");
        long id = briefings.create(form, "demo-consultant", Instant.now()).id;
        long lock = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id).version);
        briefings.approve(id, lock, "demo-lead", Instant.now());
        recipients.name(id, List.of(namedPerson), "demo-consultant");
        publishDraft(id);
        return id;
    }

    /** A moment just past the settling time of what was just published. */
    private static Instant settled() {
        return Instant.now().plus(Digests.SETTLE).plusSeconds(60);
    }

    private LocalDate day(Instant at) {
        return at.atZone(config.triage().zone()).toLocalDate();
    }

    private static List<OutboxMessage> mails(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about(topic));
    }

    private static long mailsStartingWith(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("topic like ?1", topic + "%"));
    }

    private static int twiceAtOnceThenAgain(Callable<Integer> run) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            int total = 0;
            for (Future<Integer> r : two.invokeAll(List.of(run, run))) {
                total += r.get();
            }
            return total + run.call();
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void theDigestGoesOncePerPeriodPerPersonInTheirLanguageWithNoRestrictedText() throws Exception {
        long organisation = Clients.organisation("Digest Mining", Set.of("mining"), Set.of("ML", "BF"));
        long english = person(organisation, "Weekly", "en", DigestFrequency.WEEKLY, Set.of());
        long french = person(organisation, "Quotidien", "fr", DigestFrequency.DAILY, Set.of());
        long off = person(organisation, "Off", "en", DigestFrequency.OFF, Set.of());
        long burkinaOnly = person(organisation, "Burkina", "en", DigestFrequency.WEEKLY, Set.of("ML"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long open = publish("Open " + tag, "GREEN", "ML");
        long amber = publish("Amber " + tag, "AMBER", "ML");
        long red = publishRed("Red " + tag, english);
        long updated = publish("Updated " + tag, "GREEN", "ML");
        saveVersion(updated, "Updated " + tag + " again", "GREEN");
        publishDraft(updated);

        Instant now = settled();
        int sent = twiceAtOnceThenAgain(() -> digests.sendDue(now));
        assertThat(sent).isGreaterThanOrEqualTo(2);

        List<OutboxMessage> weekly = mails("digest:" + english + ":" + Digests.period(DigestFrequency.WEEKLY, day(now)));
        assertThat(weekly).hasSize(1);
        OutboxMessage mail = weekly.get(0);
        assertThat(mail.subject).contains("new or updated briefing");
        assertThat(mail.body).contains("Hello Weekly Test", "Open " + tag, "Summary Open " + tag, "/portal/briefings/" + open,
                "Amber " + tag, "TLP:AMBER", "/portal/briefings/" + amber, "/portal/settings", "/unsubscribe/briefings?t=");
        assertThat(mail.body).as("never the text of a briefing, nor an AMBER summary")
                .doesNotContain("Body Open " + tag, "Body Amber " + tag, "Summary Amber " + tag);
        assertThat(mail.body).as("a TLP:RED briefing for a named recipient: not even its title")
                .contains("A TLP:RED briefing for the named recipients", "/portal/briefings/" + red)
                .doesNotContain("Red " + tag);
        assertThat(mail.body).as("a briefing published twice since: its latest version")
                .contains("Updated " + tag + " again", "updated to version 2 on");
        assertThat(mail.body.split("/portal/briefings/" + updated + "\n", -1)).as("one line for it").hasSize(2);

        List<OutboxMessage> daily = mails("digest:" + french + ":" + Digests.period(DigestFrequency.DAILY, day(now)));
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).subject).contains("pour vous");
        assertThat(daily.get(0).body).contains("Bonjour Quotidien Test", "Titre Open " + tag, "Résumé Open " + tag,
                "Titre Amber " + tag, "mise à jour (version 2)").doesNotContain("Résumé Amber " + tag, "Corps ",
                "/portal/briefings/" + red + "\n", "TLP:RED");

        assertThat(mailsStartingWith("digest:" + off + ":")).as("digest off").isZero();
        assertThat(mailsStartingWith("digest:" + burkinaOnly + ":")).as("Mali left out, nothing else new").isZero();

        // The next week has nothing new for them: no mail, however often the job runs.
        Instant nextWeek = now.plus(Duration.ofDays(7));
        digests.sendDue(nextWeek);
        digests.sendDue(nextWeek);
        assertThat(mails("digest:" + english + ":" + Digests.period(DigestFrequency.WEEKLY, day(nextWeek)))).isEmpty();
        assertThat(mailsStartingWith("digest:" + english + ":")).isEqualTo(1);
    }

    @Test
    void aNewVersionOfABriefingAPersonReadIsMailedOnceToThemOnly() throws Exception {
        long organisation = Clients.organisation("Alert Mining", Set.of("mining"), Set.of("ML"));
        // Mali left out of her digest (which is off anyway): alerts are about what she read, whatever the digest covers.
        long reader = person(organisation, "Reader", "fr", DigestFrequency.OFF, Set.of("ML"));
        long notReader = person(organisation, "Other", "en", DigestFrequency.OFF, Set.of());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = publish("Alerted " + tag, "CLEAR", "ML");
        String subject = QuarkusTransaction.requiringNew().call(() -> ClientUser.<ClientUser>findById(reader).subject);
        reads.record(id, 1, organisation, subject, "reader", Instant.now());

        saveVersion(id, "Alerted " + tag + " (v2)", "CLEAR");
        publishDraft(id);

        twiceAtOnceThenAgain(() -> alerts.sendDue(Instant.now()));
        List<OutboxMessage> sent = mails("alert:" + reader + ":" + id + ":v2");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).subject).contains("nouvelle version");
        assertThat(sent.get(0).body).contains("Titre Alerted " + tag + " (v2)", "version 2", "/portal/briefings/" + id);
        assertThat(mailsStartingWith("alert:" + notReader + ":")).as("never read, never alerted").isZero();

        // Alerts switched off: a third version is not mailed.
        QuarkusTransaction.requiringNew().run(() -> ClientUser.<ClientUser>findById(reader).versionAlerts = false);
        saveVersion(id, "Alerted " + tag + " (v3)", "CLEAR");
        publishDraft(id);
        alerts.sendDue(Instant.now());
        assertThat(mails("alert:" + reader + ":" + id + ":v3")).isEmpty();
    }

    @Test
    void aTlpRedBriefingsNewVersionIsMailedOnlyToThoseStillNamed() throws Exception {
        long organisation = Clients.organisation("Red Alert Mining", Set.of("mining"), Set.of("ML"));
        long kept = person(organisation, "Kept", "en", DigestFrequency.OFF, Set.of());
        long dropped = person(organisation, "Dropped", "en", DigestFrequency.OFF, Set.of());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = publishRed("Red alert " + tag, kept);
        recipients.name(id, List.of(kept, dropped), "demo-consultant");
        catalogue.invalidate();
        for (long person : List.of(kept, dropped)) {
            String subject = QuarkusTransaction.requiringNew().call(() -> ClientUser.<ClientUser>findById(person).subject);
            reads.record(id, 1, organisation, subject, "reader", Instant.now());
        }
        // The second person is taken off the list, then a new version goes out (approved again: TLP:RED).
        recipients.name(id, List.of(kept), "demo-consultant");
        saveVersion(id, "Red alert " + tag + " (v2)", "RED");
        long lock = QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id).version);
        briefings.approve(id, lock, "demo-lead", Instant.now());
        publishDraft(id);

        alerts.sendDue(Instant.now());
        List<OutboxMessage> toKept = mails("alert:" + kept + ":" + id + ":v2");
        assertThat(toKept).as("the person still named is told").hasSize(1);
        assertThat(toKept.get(0).body).contains("/portal/briefings/" + id);
        assertThat(mailsStartingWith("alert:" + dropped + ":")).as("no longer named: no mail, not even the link").isZero();
    }

    @Test
    void theStopLinkWorksWithoutSignInForThatPersonOnly() throws Exception {
        long organisation = Clients.organisation("Stop Mining", Set.of("mining"), Set.of("ML"));
        long leaving = person(organisation, "Leaving", "fr", DigestFrequency.DAILY, Set.of());
        long staying = person(organisation, "Staying", "en", DigestFrequency.DAILY, Set.of());
        publish("Stop " + UUID.randomUUID(), "GREEN", "ML");
        Instant now = settled();
        digests.sendDue(now);
        OutboxMessage mail = mails("digest:" + leaving + ":" + Digests.period(DigestFrequency.DAILY, day(now))).get(0);
        Matcher link = STOP.matcher(mail.body);
        assertThat(link.find()).as("a stop link in: " + mail.body).isTrue();
        assertThat(link.group(2)).isEqualTo("fr");

        Response page = given().redirects().follow(false).get(link.group(1) + "&lang=fr");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("Arrêter les récapitulatifs", "id=\"stop\"");
        assertThat(frequency(leaving)).as("opening the link alone changes nothing").isEqualTo(DigestFrequency.DAILY);

        String token = link.group(1).substring(link.group(1).indexOf("t=") + 2);
        Matcher csrf = CSRF.matcher(page.body().asString());
        assertThat(csrf.find()).isTrue();
        Response done = given().redirects().follow(false).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .formParam("t", token).post("/unsubscribe/briefings");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(given().get(done.header("Location")).body().asString()).contains("id=\"stopped\"");
        assertThat(frequency(leaving)).isEqualTo(DigestFrequency.OFF);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ClientUser.<ClientUser>findById(leaving).versionAlerts)).isFalse();
        assertThat(frequency(staying)).as("the neighbour keeps their choice").isEqualTo(DigestFrequency.DAILY);

        // A forged or cut link stops nothing.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(staying).getBytes())
                + "." + "A".repeat(43);
        // A prospect's unsubscribe link is signed with another key: one made for the neighbour's id is no key here.
        String prospectKind = UnsubscribeLinks.prospects(config.formSecret()).token(Long.toString(staying));
        for (String bad : List.of(forged, prospectKind, "", "abc", token.substring(0, 10))) {
            Response refused = given().redirects().follow(false).queryParam("t", bad).get("/unsubscribe/briefings");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body().asString()).contains("id=\"stop-invalid\"");
            Response posted = given().redirects().follow(false).cookie("csrf-token", page.getCookie("csrf-token"))
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                    .formParam("t", bad).post("/unsubscribe/briefings");
            assertThat(posted.statusCode()).as("posted " + bad).isEqualTo(400);
        }
        assertThat(frequency(staying)).isEqualTo(DigestFrequency.DAILY);
    }

    private static DigestFrequency frequency(long person) {
        return QuarkusTransaction.requiringNew().call(() -> ClientUser.<ClientUser>findById(person).digest);
    }
}
