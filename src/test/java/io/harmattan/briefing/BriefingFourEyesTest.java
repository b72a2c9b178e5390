package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.mail.OutboxMessage;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.web.Dates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on what is most sensitive (a TLP:RED draft, or one rating a risk 5, is published only
 * after a second lead consultant approves it, and any later edit withdraws the approval), and
 * review dates with teeth (the console lists the briefings due, their authors get one reminder).
 */
@QuarkusTest
class BriefingFourEyesTest {

    private static final Pattern LOCK = Pattern.compile("name=\"lock\" value=\"(\\d*)\"");

    static FormSession consultant;
    static FormSession lead;
    static FormSession otherLead;

    @Inject
    ReviewReminders reminders;

    @BeforeAll
    static void signIn() throws Exception {
        DemoSessions sessions = DemoSessions.signIn();
        consultant = sessions.consultant();
        lead = sessions.lead();
        otherLead = FormSession.signIn("/console", "demo-lead2");
    }

    private static Map<String, Object> briefing(String title, String tlp, String security, LocalDate review) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("titleEn", title);
        fields.put("summaryEn", "Summary of " + title);
        fields.put("bodyEn", "Body of " + title);
        fields.put("countries", List.of("ML"));
        fields.put("sectors", List.of("mining"));
        fields.put("securityRisk", security);
        fields.put("politicalRisk", "3");
        fields.put("operationalRisk", "2");
        fields.put("tlp", tlp);
        fields.put("reviewDate", review.toString());
        fields.put("sources", "Own reporting");
        return fields;
    }

    private static long create(FormSession who, Map<String, Object> fields) {
        Response created = who.open("/console/briefings/new").post(fields).post("/console/briefings");
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(303);
        String location = created.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Posts a life-cycle step as a crafted form would, with the briefing's current lock (the editor holds it). */
    private static Response step(FormSession who, long id, String step) {
        Page page = who.open("/console/briefings/" + id + "/edit");
        // Written in English only: publishing confirms that, as the author would by ticking the box.
        return page.post(Map.of("lock", page.find(LOCK), "confirm", "yes")).post("/console/briefings/" + id + "/" + step);
    }

    private static BriefingStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(id).status);
    }

    @Test
    void aRedDraftWaitsForASecondLeadConsultantAndAnEditWithdrawsTheApproval() {
        String title = "Kayes: named sources " + System.nanoTime();
        long id = create(lead, briefing(title, "RED", "3", LocalDate.now(ZoneOffset.UTC).plusMonths(3)));

        String page = lead.get("/console/briefings/" + id).body().asString();
        assertThat(page).contains("id=\"four-eyes\"", "marked TLP:RED", "other than demo-lead").doesNotContain("id=\"publish\"",
                "id=\"approve\"");
        // Publishing anyway (a crafted post) is refused and says why.
        Response refused = step(lead, id, "publish");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).contains("id=\"step-error\"", "needs a second lead consultant");
        assertThat(status(id)).isEqualTo(BriefingStatus.DRAFT);
        // A consultant is not a lead consultant; the last editor cannot approve their own draft.
        assertThat(consultant.get("/console/briefings/" + id).body().asString()).doesNotContain("id=\"approve\"");
        assertThat(step(consultant, id, "approve").statusCode()).isEqualTo(403);
        assertThat(step(lead, id, "approve").statusCode()).isEqualTo(409);

        assertThat(otherLead.get("/console/briefings/" + id).body().asString()).contains("id=\"approve\"");
        assertThat(step(otherLead, id, "approve").statusCode()).isEqualTo(303);
        assertThat(lead.get("/console/briefings/" + id).body().asString()).contains("Approved by demo-lead2", "id=\"publish\"");

        // An edit after the approval needs approving again.
        Page editor = consultant.open("/console/briefings/" + id + "/edit");
        Map<String, Object> changed = briefing(title + " (edited)", "RED", "3", LocalDate.now(ZoneOffset.UTC).plusMonths(3));
        changed.put("lock", editor.find(LOCK));
        assertThat(editor.post(changed).post("/console/briefings/" + id + "/edit").statusCode()).isEqualTo(303);
        assertThat(step(consultant, id, "publish").statusCode()).isEqualTo(409);
        // Its author is not a second pair of eyes, even once someone else saved it last.
        assertThat(otherLead.get("/console/briefings/" + id).body().asString()).contains("id=\"approve\"");
        assertThat(lead.get("/console/briefings/" + id).body().asString()).doesNotContain("id=\"approve\"");
        assertThat(step(lead, id, "approve").statusCode()).isEqualTo(409);
        assertThat(step(otherLead, id, "approve").statusCode()).isEqualTo(303);
        assertThat(step(consultant, id, "publish").statusCode()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(BriefingStatus.PUBLISHED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> BriefingVersion.getEntityManager().createNativeQuery(
                "SELECT action FROM audit_event WHERE target_type = 'briefing' AND target_id = ?1 ORDER BY id")
                .setParameter(1, Long.toString(id)).getResultList())).containsExactly("briefing.created", "briefing.approved",
                "briefing.saved", "briefing.approved", "briefing.published");
    }

    @Test
    void aRatingOfFiveNeedsTheSecondLookTooAndAnOrdinaryDraftDoesNot() {
        long five = create(consultant, briefing("Niger: escalation " + System.nanoTime(), "AMBER", "5",
                LocalDate.now(ZoneOffset.UTC).plusMonths(3)));
        assertThat(consultant.get("/console/briefings/" + five).body().asString()).contains("rates a risk at 5");
        assertThat(step(consultant, five, "publish").statusCode()).isEqualTo(409);
        assertThat(step(lead, five, "approve").statusCode()).isEqualTo(303);
        assertThat(step(consultant, five, "publish").statusCode()).isEqualTo(303);

        long plain = create(consultant, briefing("Mali: routine " + System.nanoTime(), "AMBER", "4",
                LocalDate.now(ZoneOffset.UTC).plusMonths(3)));
        assertThat(consultant.get("/console/briefings/" + plain).body().asString()).doesNotContain("id=\"four-eyes\"");
        assertThat(step(consultant, plain, "publish").statusCode()).isEqualTo(303);

        // Its next version raises the security risk to 5: that version waits for a second lead consultant.
        Page editor = consultant.open("/console/briefings/" + plain + "/edit");
        Map<String, Object> raised = briefing("Mali: routine, escalating " + System.nanoTime(), "AMBER", "5",
                LocalDate.now(ZoneOffset.UTC).plusMonths(3));
        raised.put("lock", editor.find(LOCK));
        assertThat(editor.post(raised).post("/console/briefings/" + plain + "/edit").statusCode()).isEqualTo(303);
        Response waiting = step(consultant, plain, "publish");
        assertThat(waiting.statusCode()).isEqualTo(409);
        assertThat(waiting.body().asString()).contains("id=\"step-error\"", "needs a second lead consultant",
                "This draft rates a risk at 5");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(plain).publishedVersion))
                .as("clients still read version 1").isEqualTo(1);
        assertThat(step(lead, plain, "approve").statusCode()).isEqualTo(303);
        assertThat(step(consultant, plain, "publish").statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Briefing.<Briefing>findById(plain).publishedVersion)).isEqualTo(2);
    }

    @Test
    void briefingsDueForReviewAreListedAndTheirAuthorIsRemindedOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String overdue = "Gao: convoy routes " + System.nanoTime();
        String later = "Dori: markets " + System.nanoTime();
        String thisWeek = "Kayes: roads " + System.nanoTime();
        String nextWeek = "Tahoua: fuel " + System.nanoTime();
        long due = create(consultant, briefing(overdue, "AMBER", "3", today.minusDays(2)));
        long notDue = create(consultant, briefing(later, "AMBER", "3", today.plusMonths(2)));
        long soon = create(consultant, briefing(thisWeek, "AMBER", "3", today.plusDays(5)));
        long inTenDays = create(consultant, briefing(nextWeek, "AMBER", "3", today.plusDays(10)));
        for (long id : List.of(due, notDue, soon, inTenDays)) {
            step(consultant, id, "publish");
        }

        String list = consultant.get("/console/briefings").body().asString();
        String section = list.substring(list.indexOf("id=\"review-due\""), list.indexOf("</section>", list.indexOf("id=\"review-due\"")));
        assertThat(section).as("past, or within two weeks").contains(overdue, "Review was due", thisWeek, nextWeek,
                "Review due " + Dates.inStyle(today.plusDays(10), Locale.ENGLISH)).doesNotContain(later);
        assertThat(section.indexOf(overdue)).as("the most overdue first").isLessThan(section.indexOf(thisWeek));
        assertThat(section.indexOf(thisWeek)).isLessThan(section.indexOf(nextWeek));

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> reminders.remindDue(today);
            List<Future<Integer>> runs = two.invokeAll(List.of(run, run));
            for (Future<Integer> r : runs) {
                r.get();
            }
            reminders.remindDue(today);
        } finally {
            two.shutdownNow();
        }
        long version = QuarkusTransaction.requiringNew().call(() -> BriefingVersion.<BriefingVersion>find("briefingId", due)
                .singleResult().id);
        List<OutboxMessage> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("briefing-review:" + version));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.recipient).isEqualTo("demo-consultant@harmattan.test");
            assertThat(m.subject).contains(overdue);
            assertThat(m.body).contains("/console/briefings/" + due);
        });
        long notDueVersion = QuarkusTransaction.requiringNew().call(() -> BriefingVersion.<BriefingVersion>find("briefingId",
                notDue).singleResult().id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("briefing-review:" + notDueVersion)))
                .isEmpty();
        // The author hears a week ahead: the one due in five days, not yet the one due in ten.
        assertThat(reminders(soon)).hasSize(1);
        assertThat(reminders(inTenDays)).isEmpty();
        reminders.remindDue(today.plusDays(3));
        assertThat(reminders(inTenDays)).as("three days later it is a week away").hasSize(1);
        assertThat(reminders(soon)).as("still once").hasSize(1);
    }

    private static List<OutboxMessage> reminders(long briefingId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("briefing-review:"
                + BriefingVersion.<BriefingVersion>find("briefingId", briefingId).singleResult().id));
    }
}
