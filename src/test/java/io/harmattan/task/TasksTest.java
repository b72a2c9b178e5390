package io.harmattan.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.LeadEvent;
import io.harmattan.mail.OutboxMessage;
import io.harmattan.staff.Consultant;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.testing.MailText;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follow-up tasks over HTTP: added from a lead's page, listed in "My tasks" with the overdue ones
 * first, finished, kept on the timeline; and the daily mail of overdue ones, sent once a day per
 * consultant however often the job runs.
 */
@QuarkusTest
class TasksTest {

    static FormSession consultant;
    static FormSession lead;

    @Inject
    OverdueTasks overdue;

    @BeforeAll
    static void signIn() throws Exception {
        DemoSessions sessions = DemoSessions.signIn();
        consultant = sessions.consultant();
        lead = sessions.lead();
    }

    static long aLead() {
        return Submissions.idOf(Submissions.byApi("t" + UUID.randomUUID() + "@tasks.test"));
    }

    private static void redirected(Response response) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(303);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Response add(Page page, long lead, String title, String due, String assignee) {
        return page.post(Map.of("title", title, "due", due, "assignee", assignee)).post("/console/leads/" + lead + "/tasks");
    }

    private static LeadTask task(String title) {
        return QuarkusTransaction.requiringNew().call(() -> LeadTask.<LeadTask>find("title", title).singleResult());
    }

    /** What the passing of days does to a task: its due date is now {@code days} ago. */
    static void dueDaysAgo(String title, int days) {
        QuarkusTransaction.requiringNew().run(() -> LeadTask.update("dueOn = ?1 where title = ?2", today().minusDays(days), title));
    }

    @Test
    void aTaskAddedOnALeadShowsInMyTasksOverdueFirstAndIsDoneOnce() {
        long id = aLead();
        String later = "Send the brochure " + UUID.randomUUID();
        String soon = "Call back " + UUID.randomUUID();
        Page page = consultant.open("/console/leads/" + id);
        assertThat(page.body()).contains("id=\"task-form\"", "id=\"no-lead-tasks\"");
        redirected(add(page, id, later, today().plusDays(5).toString(), ""));
        redirected(add(page, id, soon, today().plusDays(1).toString(), "demo-consultant"));
        dueDaysAgo(soon, 2);

        String mine = consultant.get("/console/tasks").body().asString();
        assertThat(mine).contains(soon, later);
        assertThat(mine.indexOf(soon)).as("the overdue one first").isLessThan(mine.indexOf(later));
        assertThat(mine).containsPattern("data-when=\"overdue\">\\s*<p class=\"task-title\"><strong>" + soon);
        assertThat(consultant.get("/console").body().asString()).containsPattern("id=\"tasks-link\" class=\"late\">My tasks: \\d+ open, \\d+ overdue");
        // Someone else's list does not hold them.
        assertThat(lead.get("/console/tasks").body().asString()).doesNotContain(soon);

        LeadTask task = task(soon);
        Page tasks = consultant.open("/console/tasks");
        redirected(tasks.post(Map.of()).post("/console/tasks/" + task.id + "/done"));
        redirected(tasks.post(Map.of("back", "lead")).post("/console/tasks/" + task.id + "/done"));
        LeadTask done = task(soon);
        assertThat(done.doneBy).isEqualTo("demo-consultant");
        assertThat(consultant.get("/console/tasks").body().asString()).doesNotContain(soon).contains(later);
        List<LeadEvent> events = QuarkusTransaction.requiringNew().call(() -> LeadEvent.list(
                "leadId = ?1 and kind in ?2 order by id", id, List.of(LeadEvent.Kind.TASK_ADDED, LeadEvent.Kind.TASK_DONE)));
        assertThat(events).extracting(e -> e.kind).containsExactly(LeadEvent.Kind.TASK_ADDED, LeadEvent.Kind.TASK_ADDED,
                LeadEvent.Kind.TASK_DONE);
        assertThat(consultant.get("/console/leads/" + id).body().asString())
                .contains("Follow-up for Aminata Ouedraogo: " + later, "Follow-up done: " + soon, "done by demo-consultant");
        assertThat(consultant.open("/console/tasks").post(Map.of()).post("/console/tasks/999999999/done").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTaskWithoutTitleOrWithABadDateOrAssigneeIsRefusedWithWhatWasTyped() {
        long id = aLead();
        Page page = consultant.open("/console/leads/" + id);
        Response empty = add(page, id, "  ", today().toString(), "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body().asString()).contains("Say what is to be done.");
        Response past = add(page, id, "Kept title", today().minusDays(1).toString(), "");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body().asString()).contains("Give a due date", "value=\"Kept title\"");
        assertThat(add(page, id, "x", "next week", "").statusCode()).isEqualTo(400);
        assertThat(add(page, id, "x", today().plusYears(3).toString(), "").statusCode()).isEqualTo(400);
        assertThat(add(page, id, "x", today().toString(), "nobody-" + UUID.randomUUID()).statusCode()).isEqualTo(400);
        assertThat(add(page, id, "y".repeat(LeadTask.MAX_TITLE + 1), today().toString(), "").statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LeadTask.count("leadId", id))).isZero();
    }

    @Test
    void overdueTasksAreMailedOnceADayPerConsultantInTheirLanguageHoweverOftenTheJobRuns() throws Exception {
        long id = aLead();
        String title = "Chase the signed NDA " + UUID.randomUUID();
        Page page = consultant.open("/console/leads/" + id);
        redirected(add(page, id, title, today().toString(), "demo-lead"));
        // A day of its own, far ahead, so that no other test's reminder has claimed it.
        LocalDate day = today().plusDays(1000 + ThreadLocalRandom.current().nextInt(100_000));
        QuarkusTransaction.requiringNew().run(() -> Consultant.update("language = 'fr' where username = 'demo-lead'"));

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> overdue.remindOverdue(day);
            List<Future<Integer>> runs = two.invokeAll(List.of(run, run));
            int total = 0;
            for (Future<Integer> r : runs) {
                total += r.get();
            }
            total += overdue.remindOverdue(day);
            List<OutboxMessage> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("tasks:demo-lead:" + day));
            assertThat(mails).hasSize(1);
            assertThat(total).isGreaterThanOrEqualTo(1);
            assertThat(mails.get(0).recipient).isEqualTo("demo-lead@harmattan.test");
            assertThat(mails.get(0).subject).contains("en retard");
            assertThat(mails.get(0).body).contains("Bonjour", title, "/console/leads/" + id, "/console/tasks");
        } finally {
            two.shutdownNow();
        }
        var received = Eventually.until(() -> Mailbox.to("demo-lead@harmattan.test").stream()
                .filter(m -> MailText.of(m).contains(title)).toList(), list -> !list.isEmpty());
        assertThat(received).hasSize(1);
        // Done tasks are not mailed about: another day finds nothing of this one.
        redirected(consultant.open("/console/tasks").post(Map.of()).post("/console/tasks/" + task(title).id + "/done"));
        LocalDate next = day.plusDays(1);
        overdue.remindOverdue(next);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("tasks:demo-lead:" + next)))
                .allSatisfy(m -> assertThat(m.body).doesNotContain(title));
    }
}
