package io.harmattan.briefing;

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
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Review dates have teeth: when a published version's review date is a week away (or has passed),
 * its author gets one reminder mail, in the language they last used the console in. The clustered
 * job runs every hour of a working day; a row per version, written in the transaction that queues
 * the mail, keeps a second run or a second scheduler from sending it again.
 */
@ApplicationScoped
public class ReviewReminders {

    private static final Logger LOG = Logger.getLogger(ReviewReminders.class);
    /** How long before its review date a version's author is reminded. */
    static final int DAYS_AHEAD = 7;

    @Inject
    HarmattanConfig config;

    @Inject
    Outbox outbox;

    @Scheduled(identity = "briefing-review-reminders", every = "1h", delayed = "150s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        if (WorkingHours.dayHasBegun(config.triage(), Instant.now())) {
            remindDue(LocalDate.now(ZoneOffset.UTC));
        }
    }

    /** Reminds the author of every published version due for review by {@code today} + a week; returns how many. */
    int remindDue(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> BriefingVersion.getEntityManager().createNativeQuery("""
                SELECT v.id, v.briefing_id, v.title_en, v.title_fr, v.review_date, v.created_by
                FROM briefing b JOIN briefing_version v ON v.briefing_id = b.id AND v.number = b.published_version
                WHERE b.status = ?1 AND v.review_date <= ?2
                  AND NOT EXISTS (SELECT 1 FROM briefing_review_reminder r WHERE r.version_id = v.id)
                """).setParameter(1, BriefingStatus.PUBLISHED.code()).setParameter(2, today.plusDays(DAYS_AHEAD))
                .getResultList());
        int reminded = 0;
        for (Object[] row : due) {
            try {
                reminded += QuarkusTransaction.requiringNew().call(() -> remind(row, today));
            } catch (RuntimeException e) {
                LOG.warnf("Review reminder for briefing version %s not sent this round: %s", row[0],
                        e.getClass().getSimpleName());
            }
        }
        return reminded;
    }

    private int remind(Object[] row, LocalDate today) {
        long versionId = ((Number) row[0]).longValue();
        long briefingId = ((Number) row[1]).longValue();
        String author = (String) row[5];
        Consultant consultant = Consultant.findById(author);
        if (consultant == null || consultant.email == null) {
            return 0;
        }
        int claimed = BriefingVersion.getEntityManager().createNativeQuery(
                "INSERT IGNORE INTO briefing_review_reminder (version_id, recipient, sent_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, versionId).setParameter(2, author).setParameter(3, Instant.now()).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        String language = "fr".equals(consultant.language) ? "fr" : "en";
        String title = "fr".equals(language) && row[3] != null ? (String) row[3] : row[2] != null ? (String) row[2] : (String) row[3];
        LocalDate reviewDate = row[4] instanceof LocalDate day ? day : ((Date) row[4]).toLocalDate();
        BriefingMessages texts = MessageBundles.get(BriefingMessages.class, Localized.Literal.of(language));
        outbox.enqueue(consultant.email, texts.review_mail_subject(title),
                texts.review_mail_body(consultant.displayName, title, Dates.inStyle(reviewDate, Locale.forLanguageTag(language)),
                        reviewDate.isBefore(today), config.publicUrl() + "/console/briefings/" + briefingId),
                "briefing-review:" + versionId);
        return 1;
    }
}
