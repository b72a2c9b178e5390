package io.harmattan.task;

import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A follow-up on a lead for one consultant, due on a day: open until someone marks it done. Adding
 * and finishing it are on the lead's timeline.
 */
@Entity
@Table(name = "lead_task")
public class LeadTask extends PanacheEntityBase {

    public static final int MAX_TITLE = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lead_id", nullable = false)
    public long leadId;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(nullable = false, length = 120)
    public String assignee;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by", length = 120)
    public String doneBy;

    @Version
    public long version;

    /** A new open task on {@code lead}, recorded on its timeline. */
    static LeadTask add(Lead lead, String title, LocalDate dueOn, String assignee, String by) {
        LeadTask task = new LeadTask();
        task.leadId = lead.id;
        task.title = title;
        task.dueOn = dueOn;
        task.assignee = assignee;
        task.createdBy = by;
        task.createdAt = Instant.now();
        task.persist();
        lead.taskAdded(title, assignee, by);
        AuditEvent.record(by, "task.added", "lead", lead.id, "task=" + task.id);
        return task;
    }

    public boolean done() {
        return doneAt != null;
    }

    public boolean overdue(LocalDate today) {
        return !done() && dueOn.isBefore(today);
    }

    /** Done, by whom and when; recorded on the lead's timeline. */
    void finish(Lead lead, String by) {
        doneAt = Instant.now();
        doneBy = by;
        lead.taskDone(title, by);
        AuditEvent.record(by, "task.done", "lead", lead.id, "task=" + id);
    }

    public static List<LeadTask> ofLead(long leadId) {
        return list("leadId = ?1 order by case when doneAt is null then 0 else 1 end, dueOn, id", leadId);
    }
}
