package io.harmattan.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person of a client organisation, from the moment a consultant invites them. The Keycloak
 * account (its stable subject id once it exists) is brought in line with {@link #status} after each
 * change commits; {@link #syncDueAt} says that work is still due, and is also the claim of whoever
 * is doing it, so that two instances never do it at once.
 */
@Entity
@Table(name = "client_user")
public class ClientUser extends PanacheEntityBase {

    /** How long one attempt at the Keycloak work may hold its claim. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public ClientOrganisation organisation;

    /** The Keycloak user id; null until the account exists. */
    @Column(length = 64)
    public String subject;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName = "";

    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName = "";

    /** The language of Keycloak's mails to the person. */
    @Column(nullable = false, length = 2)
    public String language = "en";

    @Column(nullable = false, length = 16)
    public PersonStatus status = PersonStatus.ACTIVE;

    @Column(name = "invited_by", length = 120)
    public String invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sync_due_at")
    public Instant syncDueAt;

    @Column(name = "sync_attempts", nullable = false)
    public int syncAttempts;

    /** Why the Keycloak work has not succeeded yet, as a code (see {@link SyncProblem}). */
    @Column(name = "sync_problem", length = 32)
    public SyncProblem syncProblem;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    /** How often the mail of new and updated briefings goes to this person (portal settings). */
    @Column(nullable = false, length = 8)
    public DigestFrequency digest = DigestFrequency.WEEKLY;

    /** Whether a new version of a briefing this person has read is mailed to them when it is published. */
    @Column(name = "version_alerts", nullable = false)
    public boolean versionAlerts = true;

    /** Of the organisation's countries, those this person's digest leaves out. */
    @ElementCollection
    @CollectionTable(name = "client_user_muted_country", joinColumns = @JoinColumn(name = "client_user_id"))
    @Column(name = "country_code")
    public Set<String> mutedCountries = new LinkedHashSet<>();

    /** Of the organisation's sectors, those this person's digest leaves out. */
    @ElementCollection
    @CollectionTable(name = "client_user_muted_sector", joinColumns = @JoinColumn(name = "client_user_id"))
    @Column(name = "sector_code")
    public Set<String> mutedSectors = new LinkedHashSet<>();

    /** Their erasure was asked for: the Keycloak account is deleted, not only disabled, before the row goes. */
    @Column(name = "erase_account", nullable = false)
    public boolean eraseAccount;

    @Version
    public long version;

    public static ClientUser invite(ClientOrganisation organisation, String email, String firstName, String lastName,
            String language, String actor, Instant now) {
        ClientUser person = new ClientUser();
        person.organisation = organisation;
        person.email = email;
        person.firstName = firstName;
        person.lastName = lastName;
        person.language = language;
        person.invitedBy = actor;
        person.createdAt = now;
        person.syncDueAt = now;
        person.persist();
        return person;
    }

    /**
     * The person's choices from their settings page. Only the organisation's own countries and
     * sectors can be left out; other codes are ignored.
     */
    public void choose(String language, DigestFrequency frequency, boolean alerts, Set<String> quietCountries,
            Set<String> quietSectors) {
        this.language = language;
        this.digest = frequency;
        this.versionAlerts = alerts;
        mutedCountries.clear();
        quietCountries.stream().filter(organisation.countries::contains).forEach(mutedCountries::add);
        mutedSectors.clear();
        quietSectors.stream().filter(organisation.sectors::contains).forEach(mutedSectors::add);
    }

    /** The person asked for their data to be erased: access ends now, then the account and this row go. */
    public void erase(Instant now) {
        changeTo(PersonStatus.REMOVED, now);
        eraseAccount = true;
    }

    /** Stops the digest and the alerts: the unsubscribe link of either mail. */
    public void stopMails() {
        digest = DigestFrequency.OFF;
        versionAlerts = false;
    }

    public String name() {
        return (firstName + " " + lastName).strip();
    }

    /** Access changes take effect in the app at once; Keycloak follows as soon as it answers. */
    public void changeTo(PersonStatus wanted, Instant now) {
        status = wanted;
        syncDueAt = now;
        syncAttempts = 0;
        syncProblem = null;
    }

    /** The signed-in client's person in an active organisation, loaded with what it follows in one query. */
    public static Optional<ClientUser> withOrganisation(String subject) {
        return find("select distinct u from ClientUser u join fetch u.organisation o left join fetch o.sectors"
                + " left join fetch o.countries where u.subject = ?1 and u.status = ?2 and o.status = ?3",
                subject, PersonStatus.ACTIVE, OrganisationStatus.ACTIVE).singleResultOptional();
    }

    public static Optional<ClientUser> byEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    public static List<ClientUser> ofOrganisation(long organisationId) {
        return list("organisation.id = ?1 order by lastName, firstName, id", organisationId);
    }

    /** People whose Keycloak work is due, oldest first. */
    public static List<Long> syncDue(Instant now, int max) {
        return find("select u.id from ClientUser u where u.syncDueAt <= ?1 order by u.syncDueAt", now).project(Long.class)
                .page(0, max).list();
    }

    /** Takes the Keycloak work of one person for {@link #CLAIM}; false when someone else holds it or it is done. */
    public static boolean claim(long id, Instant now) {
        return update("syncDueAt = ?1, version = version + 1 where id = ?2 and syncDueAt <= ?3", now.plus(CLAIM), id, now) == 1;
    }

    /** Marks the sign-in of a client person; at most one write a minute per person. */
    public static void signedIn(String subject, Instant now) {
        update("lastSignInAt = ?1 where subject = ?2 and (lastSignInAt is null or lastSignInAt < ?3)", now, subject,
                now.minusSeconds(60));
    }
}
