package io.harmattan.digest;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.account.OrganisationStatus;
import io.harmattan.account.PersonStatus;
import io.harmattan.briefing.BriefingAccess;
import io.harmattan.briefing.BriefingCatalogue;
import io.harmattan.briefing.BriefingCatalogue.Entry;
import io.harmattan.digest.ClientMails.Recipient;
import io.harmattan.mail.Outbox;
import io.harmattan.persistence.SqlTime;
import io.harmattan.staff.WorkingHours;
import io.harmattan.web.Dates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The digest: each client's person gets, once per period they chose (a working day, or a week from
 * its first working morning), one mail naming the briefings published or updated since their last
 * digest that they may read and want to hear about, in their language: titles, summaries of
 * TLP:CLEAR and TLP:GREEN ones, links; never the text of a briefing, and not even the summary of a
 * TLP:AMBER or TLP:RED one. A row per person and period, written in the transaction that queues the
 * mail, keeps a second run or a second scheduler from sending it again; a period with nothing new
 * writes its row too and sends nothing.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);
    /**
     * Publications newer than this may not be in this instance's catalogue yet (its recheck, a
     * publishing transaction still committing); they wait for the next digest rather than be lost.
     */
    static final Duration SETTLE = Duration.ofMinutes(5);
    /** The longest a digest looks back: a week and a day. */
    static final Duration LONGEST = Duration.ofDays(8);

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

    @Scheduled(identity = "briefing-digests", every = "${harmattan.digest-every}", delayed = "150s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = Instant.now();
        if (WorkingHours.dayHasBegun(config.triage(), now)) {
            sendDue(now);
        }
    }

    /** The period a digest sent on {@code day} belongs to: the day itself, or its ISO week. */
    static String period(DigestFrequency frequency, LocalDate day) {
        return frequency == DigestFrequency.DAILY ? day.toString()
                : String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Sends every digest due at {@code now} and not sent yet; returns how many mails were queued. */
    public int sendDue(Instant now) {
        LocalDate today = now.atZone(config.triage().zone()).toLocalDate();
        List<Long> people = QuarkusTransaction.requiringNew().call(() -> ClientUser.find(
                "select u.id from ClientUser u where u.digest <> ?1 and u.status = ?2 and u.organisation.status = ?3"
                        + " and u.subject is not null order by u.id",
                DigestFrequency.OFF, PersonStatus.ACTIVE, OrganisationStatus.ACTIVE).project(Long.class).list());
        int mailed = 0;
        for (long person : people) {
            try {
                mailed += QuarkusTransaction.requiringNew().call(() -> send(person, today, now));
            } catch (RuntimeException e) {
                LOG.warnf("Digest of person %d not sent this round: %s", person, e.getClass().getSimpleName());
            }
        }
        return mailed;
    }

    private int send(long personId, LocalDate today, Instant now) {
        Recipient person = mails.recipient(personId);
        // Read again in this transaction: a stop pressed since the list was read is obeyed.
        if (!person.active() || person.frequency() == DigestFrequency.OFF) {
            return 0;
        }
        String period = period(person.frequency(), today);
        if (claimed(personId, period)) {
            return 0;
        }
        Instant until = now.minus(SETTLE).truncatedTo(ChronoUnit.MICROS);
        // A first digest, or the first after months switched off, says what is new, not all that ever was.
        Instant earliest = until.minus(LONGEST);
        Instant last = lastCovered(personId).orElse(person.createdAt());
        Instant from = last.isBefore(earliest) ? earliest : last;
        if (!until.isAfter(from)) {
            return 0;
        }
        BriefingCatalogue.Snapshot published = catalogue.snapshot();
        List<Entry> news = access.readable(person.digestSectors(), person.digestCountries(), personId, published).keySet()
                .stream()
                .map(id -> published.entry(id).orElseThrow())
                .filter(entry -> entry.publishedAt().isAfter(from) && !entry.publishedAt().isAfter(until))
                .sorted(Comparator.comparing(Entry::publishedAt).reversed().thenComparing(Entry::id))
                .toList();
        int claim = entityManager.createNativeQuery("INSERT IGNORE INTO client_digest (client_user_id, period, covered_from,"
                + " covered_until, briefings) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, personId).setParameter(2, period)
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(until)).setParameter(5, news.size())
                .executeUpdate();
        if (claim == 0 || news.isEmpty()) {
            return 0;
        }
        DigestMessages texts = mails.texts(person);
        Locale locale = person.locale();
        StringBuilder lines = new StringBuilder();
        for (Entry entry : news) {
            String change = texts.digest_change(entry.number() > 1 ? "updated" : "new", entry.number(),
                    Dates.inStyle(entry.publishedAt().atZone(config.triage().zone()).toLocalDate(), locale));
            String link = config.publicUrl() + "/portal/briefings/" + entry.id();
            lines.append(switch (entry.tlp()) {
                case CLEAR, GREEN -> texts.digest_line_open(entry.title(locale), entry.tlp().code(), change,
                        entry.summary(locale), link);
                case AMBER -> texts.digest_line_restricted(entry.title(locale), entry.tlp().code(), change, link);
                // Even a title can say too much of a TLP:RED briefing: the mail only says there is one.
                case RED -> texts.digest_line_red(change, link);
            });
        }
        String since = Dates.inStyle(from.atZone(config.triage().zone()).toLocalDate(), locale);
        outbox.enqueue(person.email(), texts.digest_subject(news.size()), texts.digest_body(person.name(), since,
                lines.toString(), config.publicUrl() + "/portal/briefings", mails.settingsLink(), mails.stopLink(person)),
                "digest:" + personId + ":" + period);
        return 1;
    }

    private boolean claimed(long personId, String period) {
        return !entityManager.createNativeQuery("SELECT 1 FROM client_digest WHERE client_user_id = ?1 AND period = ?2")
                .setParameter(1, personId).setParameter(2, period).getResultList().isEmpty();
    }

    private Optional<Instant> lastCovered(long personId) {
        Object last = entityManager.createNativeQuery("SELECT MAX(covered_until) FROM client_digest WHERE client_user_id = ?1")
                .setParameter(1, personId).getSingleResult();
        return Optional.ofNullable(SqlTime.instant(last));
    }
}
