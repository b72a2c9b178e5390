package io.harmattan.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Links a Keycloak user (by its stable subject id) to the client organisation it belongs to. */
@Entity
@Table(name = "client_user")
public class ClientUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public ClientOrganisation organisation;

    @Column(nullable = false, length = 64)
    public String subject;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The organisation of the logged-in client, loaded with it in one query. */
    public static Optional<ClientUser> withOrganisation(String subject) {
        return find("select distinct u from ClientUser u join fetch u.organisation o left join fetch o.sectors"
                + " left join fetch o.countries where u.subject = ?1", subject).firstResultOptional();
    }
}
