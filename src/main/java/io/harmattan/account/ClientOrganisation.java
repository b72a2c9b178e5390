package io.harmattan.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A client of the consultancy: its sectors and countries decide which briefings it sees. */
@Entity
@Table(name = "client_organisation")
public class ClientOrganisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 2)
    public String language = "en";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false, length = 16)
    public OrganisationStatus status = OrganisationStatus.ACTIVE;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "client_organisation_sector", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "sector_code")
    public Set<String> sectors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "client_organisation_country", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "country_code")
    public Set<String> countries = new LinkedHashSet<>();

    /** What "My briefings" matches for the organisation's people. */
    public void follow(Set<String> sectorCodes, Set<String> countryCodes) {
        sectors.clear();
        sectors.addAll(sectorCodes);
        countries.clear();
        countries.addAll(countryCodes);
    }

    /** The organisation with what it follows, for its page; empty when there is none. */
    public static java.util.Optional<ClientOrganisation> withFollows(long id) {
        return find("select distinct o from ClientOrganisation o left join fetch o.sectors left join fetch o.countries"
                + " where o.id = ?1", id).singleResultOptional();
    }
}
