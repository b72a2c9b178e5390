package io.harmattan.account;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the consultants' client pages show, read in a fixed number of queries whatever the number of rows. */
public final class Organisations {

    /** One organisation in the list. */
    public record Row(long id, String name, OrganisationStatus status, List<String> sectors, List<String> countries,
            long people, long waiting, Instant lastSignIn, long reads, long openProposals) {
    }

    /** How a person stands, for display: the wanted status combined with how far Keycloak has followed. */
    public enum Standing {
        /** Recorded; the account is not made yet (Keycloak unreachable so far). */
        PENDING,
        /** The account exists and the set-password mail went; not signed in yet. */
        INVITED,
        ACTIVE,
        SUSPENDED,
        /** Removed in the app; Keycloak has not confirmed yet. */
        REMOVING,
        /** The email's account belongs elsewhere: a consultant must remove this invitation. */
        REFUSED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One person of an organisation. */
    public record Person(long organisationId, long id, String name, String email, String language, PersonStatus status, Standing standing,
            SyncProblem problem, Instant retryAt, Instant lastSignIn, long reads) {

        /** Where the buttons of this row post: suspend, reinstate or remove. */
        public String action(String verb) {
            return "/console/clients/" + organisationId + "/people/" + id + "/" + verb;
        }

        public boolean canSuspend() {
            return status == PersonStatus.ACTIVE && standing != Standing.REFUSED;
        }

        public boolean canReinstate() {
            return status == PersonStatus.SUSPENDED;
        }

        public boolean canRemove() {
            return status != PersonStatus.REMOVED;
        }
    }

    private Organisations() {
    }

    /** Every organisation, by name, with its people counted and its readership summed. */
    public static List<Row> all() {
        List<Object[]> rows = Panache.getEntityManager().createQuery(
                "select o.id, o.name, o.status,"
                        + " (select count(u) from ClientUser u where u.organisation = o and u.status <> ?1),"
                        + " (select count(u) from ClientUser u where u.organisation = o and u.syncDueAt is not null),"
                        + " (select max(u.lastSignInAt) from ClientUser u where u.organisation = o)"
                        + " from ClientOrganisation o order by o.name, o.id", Object[].class)
                .setParameter(1, PersonStatus.REMOVED).getResultList();
        Map<Long, long[]> reads = readsByOrganisation();
        Map<Long, long[]> proposals = countsByOrganisation("SELECT organisation_id, COUNT(*) FROM proposal"
                + " WHERE organisation_id IS NOT NULL AND state IN ('draft', 'in-review', 'approved', 'sent', 'viewed')"
                + " GROUP BY organisation_id");
        Map<Long, TreeSet<String>> sectors = codes("select o.id, s from ClientOrganisation o join o.sectors s");
        Map<Long, TreeSet<String>> countries = codes("select o.id, c from ClientOrganisation o join o.countries c");
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = (Long) row[0];
            result.add(new Row(id, (String) row[1], (OrganisationStatus) row[2],
                    List.copyOf(sectors.getOrDefault(id, new TreeSet<>())), List.copyOf(countries.getOrDefault(id, new TreeSet<>())),
                    (Long) row[3], (Long) row[4], (Instant) row[5], reads.getOrDefault(id, new long[1])[0],
                    proposals.getOrDefault(id, new long[1])[0]));
        }
        return result;
    }

    /** The organisation's people, with the briefings each has read. */
    public static List<Person> people(long organisationId) {
        Map<String, Long> reads = new LinkedHashMap<>();
        for (Object row : Panache.getEntityManager().createNativeQuery(
                "SELECT subject, COUNT(DISTINCT briefing_id) FROM briefing_read WHERE organisation_id = ?1 GROUP BY subject")
                .setParameter(1, organisationId).getResultList()) {
            Object[] columns = (Object[]) row;
            reads.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return ClientUser.ofOrganisation(organisationId).stream().map(u -> new Person(organisationId, u.id, u.name(), u.email, u.language,
                u.status, standing(u), u.syncProblem, u.syncDueAt, u.lastSignInAt,
                u.subject == null ? 0 : reads.getOrDefault(u.subject, 0L))).toList();
    }

    static Standing standing(ClientUser person) {
        if (person.syncProblem != null && !person.syncProblem.retried()) {
            return Standing.REFUSED;
        }
        return switch (person.status) {
            case REMOVED -> Standing.REMOVING;
            case SUSPENDED -> Standing.SUSPENDED;
            case ACTIVE -> person.subject == null ? Standing.PENDING
                    : person.lastSignInAt == null ? Standing.INVITED : Standing.ACTIVE;
        };
    }

    private static Map<Long, long[]> readsByOrganisation() {
        return countsByOrganisation("SELECT organisation_id, COUNT(DISTINCT briefing_id) FROM briefing_read GROUP BY organisation_id");
    }

    /**
     * A count per organisation from a table of another feature (briefing reads, proposals), read in
     * SQL so that the client pages need no code of those features.
     */
    private static Map<Long, long[]> countsByOrganisation(String sql) {
        Map<Long, long[]> reads = new LinkedHashMap<>();
        for (Object row : Panache.getEntityManager().createNativeQuery(sql).getResultList()) {
            Object[] columns = (Object[]) row;
            reads.put(((Number) columns[0]).longValue(), new long[] {((Number) columns[1]).longValue()});
        }
        return reads;
    }

    private static Map<Long, TreeSet<String>> codes(String query) {
        Map<Long, TreeSet<String>> codes = new LinkedHashMap<>();
        for (Object[] row : Panache.getEntityManager().createQuery(query, Object[].class).getResultList()) {
            codes.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]);
        }
        return codes;
    }
}
