package io.harmattan.digest;

import io.harmattan.HarmattanConfig;
import io.harmattan.briefing.BriefingAccess;
import io.harmattan.briefing.BriefingCatalogue;
import io.harmattan.briefing.BriefingCatalogue.Entry;
import io.harmattan.briefing.Tlp;
import io.harmattan.digest.ClientMails.Recipient;
import io.harmattan.mail.Outbox;
import io.harmattan.web.Dates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * New-version alerts: a person who asked for them, and who read a briefing in an earlier version,
 * is mailed when a new version is published, whatever their digest, if they may still read it. A
 * row per person and version, written with the mail, makes each alert go once; only versions of
 * the last {@link #RECENT} are considered, so switching alerts on never mails old news.
 */
@ApplicationScoped
public class VersionAlerts {

    private static final Logger LOG = Logger.getLogger(VersionAlerts.class);
    static final Duration RECENT = Duration.ofDays(7);

    @Inject
    HarmattanConfig config;

    @Inject
    Outbox outbox;

    @Inject
    BriefingCatalogue catalogue;

    @Inject
    BriefingAccess access;

    @Inject
    ClientMails mails;

    @Inject
    EntityManager entityManager;

    @Scheduled(identity = "briefing-version-alerts", every = "${harmattan.alerts-every}", delayed = "180s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue(Instant.now());
    }

    /** Mails each person the new versions of what they read that they have not been told of; returns how many mails. */
    public int sendDue(Instant now) {
        BriefingCatalogue.Snapshot published = QuarkusTransaction.requiringNew().call(catalogue::snapshot);
        Map<Long, Entry> recent = new LinkedHashMap<>();
        published.entries().stream().filter(e -> e.number() > 1 && e.publishedAt().isAfter(now.minus(RECENT)))
                .forEach(e -> recent.put(e.id(), e));
        if (recent.isEmpty()) {
            return 0;
        }
        // Each person with alerts on and the highest version they read of each recently updated briefing.
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT u.id, r.briefing_id, MAX(r.version_number)
                FROM briefing_read r JOIN client_user u ON u.subject = r.subject
                JOIN client_organisation o ON o.id = u.organisation_id
                WHERE u.version_alerts = TRUE AND u.status = 'active' AND o.status = 'active' AND r.briefing_id IN (?1)
                GROUP BY u.id, r.briefing_id
                ORDER BY u.id, r.briefing_id""", Object[].class).setParameter(1, recent.keySet()).getResultList());
        Map<Long, List<Entry>> behind = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Entry entry = recent.get(((Number) row[1]).longValue());
            if (((Number) row[2]).intValue() < entry.number()) {
                behind.computeIfAbsent(((Number) row[0]).longValue(), person -> new ArrayList<>()).add(entry);
            }
        }
        int mailed = 0;
        for (Map.Entry<Long, List<Entry>> person : behind.entrySet()) {
            try {
                mailed += QuarkusTransaction.requiringNew().call(() -> alert(person.getKey(), person.getValue(), published));
            } catch (RuntimeException e) {
                LOG.warnf("Version alert of person %d not sent this round: %s", person.getKey(), e.getClass().getSimpleName());
            }
        }
        return mailed;
    }

    private int alert(long personId, List<Entry> updated, BriefingCatalogue.Snapshot published) {
        Recipient person = mails.recipient(personId);
        if (!person.active() || !person.alerts()) {
            return 0;
        }
        // What the person may read, whatever their digest leaves out: they asked to hear of what they read.
        Set<Long> readable = access.readable(person.followedSectors(), person.followedCountries(), personId, published)
                .keySet();
        List<Entry> told = new ArrayList<>();
        for (Entry entry : updated) {
            if (readable.contains(entry.id()) && entityManager.createNativeQuery("INSERT IGNORE INTO briefing_alert"
                    + " (client_user_id, briefing_id, version_number, sent_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, personId).setParameter(2, entry.id()).setParameter(3, entry.number())
                    .setParameter(4, Timestamp.from(Instant.now())).executeUpdate() == 1) {
                told.add(entry);
            }
        }
        if (told.isEmpty()) {
            return 0;
        }
        DigestMessages texts = mails.texts(person);
        Locale locale = person.locale();
        StringBuilder lines = new StringBuilder();
        for (Entry entry : told) {
            String date = Dates.inStyle(entry.publishedAt().atZone(config.triage().zone()).toLocalDate(), locale);
            String link = config.publicUrl() + "/portal/briefings/" + entry.id();
            lines.append(entry.tlp() == Tlp.RED ? texts.alert_line_red(entry.number(), date, link)
                    : texts.alert_line(entry.title(locale), entry.tlp().code(), entry.number(), date, link));
        }
        Entry first = told.get(0);
        outbox.enqueue(person.email(), texts.alert_subject(told.size()), texts.alert_body(told.size(), person.name(), lines.toString(),
                mails.settingsLink(), mails.stopLink(person)), "alert:" + personId + ":" + first.id() + ":v" + first.number());
        return 1;
    }
}
