package io.harmattan.task;

import io.harmattan.lead.IllegalMove;
import io.harmattan.lead.Lead;
import io.harmattan.staff.Consultant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Follow-up tasks on leads: adding one from a lead's page, finishing one, and the lists that show them. */
@ApplicationScoped
public class Tasks {

    /** How far ahead a due date may be set: further than that is a typing mistake. */
    static final int MAX_DAYS_AHEAD = 366;
    /** "My tasks" shows this many; a consultant with more has a different problem. */
    static final int MAX_LISTED = 200;

    /** The task cannot be added or finished as asked; {@code code} says why (for the page's message). */
    public static class Refused extends RuntimeException {
        public final String code;

        Refused(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /** A task as pages show it, with its lead's reference and organisation. */
    public record Row(long id, long leadId, String reference, String organisation, String title, LocalDate dueOn,
            String assignee, String assigneeName, Instant doneAt, String doneBy) {

        public boolean done() {
            return doneAt != null;
        }

        /** overdue, today or later (open tasks), or done: for labels and styles. */
        public String when(LocalDate today) {
            return done() ? "done" : dueOn.isBefore(today) ? "overdue" : dueOn.isEqual(today) ? "today" : "later";
        }
    }

    /** Adds a task on the lead for {@code assignee} (the actor when blank), due on {@code due} (yyyy-mm-dd). */
    public void add(long leadId, String actor, String title, String due, String assignee) {
        String what = title == null ? "" : title.strip();
        if (what.isEmpty()) {
            throw new Refused("task-title-required");
        }
        if (what.length() > LeadTask.MAX_TITLE) {
            throw new Refused("task-title-too-long");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate day = day(due);
        if (day == null || day.isBefore(today) || day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new Refused("task-due-invalid");
        }
        String who = assignee == null || assignee.isBlank() ? actor : assignee.strip();
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(leadId);
            if (lead == null) {
                throw new Refused("gone");
            }
            if (!who.equals(actor) && Consultant.findById(who) == null) {
                throw new Refused("unknown-assignee");
            }
            try {
                LeadTask.add(lead, what, day, who, actor);
            } catch (IllegalMove e) {
                throw new Refused("not-now");
            }
        });
    }

    /** Marks the task done; a task already done stays as it was. Returns its lead's id. */
    public long finish(long taskId, String actor) {
        try {
            return finishOnce(taskId, actor);
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            // Done at the same moment by someone else (a double click): it is done, as asked.
            return finishOnce(taskId, actor);
        }
    }

    private static long finishOnce(long taskId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LeadTask task = LeadTask.findById(taskId);
            if (task == null) {
                throw new Refused("gone");
            }
            if (!task.done()) {
                task.finish(Lead.findById(task.leadId), actor);
            }
            return task.leadId;
        });
    }

    /** The lead's tasks, open ones first by due date, then the done ones; in the caller's transaction. */
    public List<Row> ofLead(long leadId) {
        return rows("t.leadId = ?1 order by case when t.doneAt is null then 0 else 1 end, t.dueOn, t.id", leadId);
    }

    /** A consultant's open tasks, the longest overdue first; in the caller's transaction. */
    public List<Row> openFor(String username) {
        return rows("t.assignee = ?1 and t.doneAt is null order by t.dueOn, t.id", username);
    }

    /** How many open tasks a consultant has, and how many of them are overdue on {@code today}. */
    public record Count(int open, int overdue) {
    }

    public Count count(String username, LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] counts = (Object[]) LeadTask.getEntityManager().createQuery("select count(t), coalesce(sum(case when"
                    + " t.dueOn < ?2 then 1 else 0 end), 0) from LeadTask t where t.assignee = ?1 and t.doneAt is null")
                    .setParameter(1, username).setParameter(2, today).getSingleResult();
            return new Count(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
        });
    }

    private static List<Row> rows(String where, Object parameter) {
        return LeadTask.getEntityManager().createQuery("select new io.harmattan.task.Tasks$Row(t.id, t.leadId, l.reference,"
                + " l.organisation, t.title, t.dueOn, t.assignee, coalesce(c.displayName, t.assignee), t.doneAt, t.doneBy)"
                + " from LeadTask t join Lead l on l.id = t.leadId left join Consultant c on c.username = t.assignee"
                + " where " + where, Row.class).setParameter(1, parameter).setMaxResults(MAX_LISTED)
                .getResultList();
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
