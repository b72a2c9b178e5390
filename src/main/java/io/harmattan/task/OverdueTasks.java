package io.harmattan.task;

import io.harmattan.HarmattanConfig;
import io.harmattan.mail.Outbox;
import io.harmattan.staff.Consultant;
import io.harmattan.staff.WorkingHours;
import io.harmattan.web.Dates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The daily mail of overdue follow-ups: each consultant with tasks past their due date gets one
 * mail a day listing them, in the language they last used the console in. The clustered job runs
 * every hour of a working day from the firm's opening time (so a day missed while every instance
 * was down is caught up); a row per consultant and day, written in the transaction that queues the
 * mail, keeps a second run or a second scheduler from sending it again.
 */
@ApplicationScoped
public class OverdueTasks {

    private static final Logger LOG = Logger.getLogger(OverdueTasks.class);

    @Inject
    HarmattanConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Tasks tasks;

    @Scheduled(identity = "overdue-tasks", every = "1h", delayed = "120s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        if (WorkingHours.dayHasBegun(config.triage(), Instant.now())) {
            remindOverdue(LocalDate.now(ZoneOffset.UTC));
        }
    }

    /** Mails every consultant with tasks overdue on {@code today} who has not had today's mail; returns how many were mailed. */
    int remindOverdue(LocalDate today) {
        List<String> late = QuarkusTransaction.requiringNew().call(() -> LeadTask.find(
                "select distinct t.assignee from LeadTask t where t.doneAt is null and t.dueOn < ?1", today)
                .project(String.class).list());
        int mailed = 0;
        for (String username : late) {
            try {
                mailed += QuarkusTransaction.requiringNew().call(() -> remind(username, today));
            } catch (RuntimeException e) {
                LOG.warnf("Overdue tasks of %s not mailed this round: %s", username, e.getClass().getSimpleName());
            }
        }
        return mailed;
    }

    /** The outbox topic of a consultant's mail of a day, within the column's 100 characters. */
    static String topic(String username, LocalDate today) {
        String topic = "tasks:" + username + ":" + today;
        return topic.length() <= 100 ? topic : "tasks:" + today + ":" + username.substring(0, 100 - 18);
    }

    private int remind(String username, LocalDate today) {
        Consultant consultant = Consultant.findById(username);
        List<Tasks.Row> overdue = tasks.openFor(username).stream().filter(t -> t.dueOn().isBefore(today)).toList();
        if (consultant == null || consultant.email == null || overdue.isEmpty()) {
            return 0;
        }
        int claimed = LeadTask.getEntityManager().createNativeQuery(
                "INSERT IGNORE INTO task_reminder (consultant, day, tasks, sent_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, username).setParameter(2, today).setParameter(3, overdue.size())
                .setParameter(4, Instant.now()).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        String language = "fr".equals(consultant.language) ? "fr" : "en";
        TaskMessages texts = MessageBundles.get(TaskMessages.class, Localized.Literal.of(language));
        Locale locale = Locale.forLanguageTag(language);
        StringBuilder lines = new StringBuilder();
        for (Tasks.Row task : overdue) {
            lines.append(texts.mail_line(Dates.inStyle(task.dueOn(), locale), task.reference(), task.organisation(),
                    task.title(), config.publicUrl() + "/console/leads/" + task.leadId()));
        }
        outbox.enqueue(consultant.email, texts.mail_subject(overdue.size()),
                texts.mail_body(consultant.displayName, lines.toString(), config.publicUrl() + "/console/tasks"),
                topic(username, today));
        return 1;
    }
}
