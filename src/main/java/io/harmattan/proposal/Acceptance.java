package io.harmattan.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The one acceptance a proposal can have: who accepted which version (and its hash), for which
 * organisation, when and from where. Its key is the proposal's id, and the database refuses to
 * change or delete it.
 */
@Entity
@Immutable
@Table(name = "proposal_acceptance")
public class Acceptance extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public Long proposalId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(nullable = false, length = 64)
    public String subject;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @Column(name = "organisation_id", nullable = false)
    public long organisationId;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "client_address", nullable = false, length = 64)
    public String clientAddress;

    static Acceptance record(long proposalId, int number, String hash, String subject, String fullName, long organisationId,
            Instant at, String address) {
        Acceptance acceptance = new Acceptance();
        acceptance.proposalId = proposalId;
        acceptance.versionNumber = number;
        acceptance.contentHash = hash;
        acceptance.subject = subject;
        acceptance.fullName = fullName;
        acceptance.organisationId = organisationId;
        acceptance.acceptedAt = at;
        acceptance.clientAddress = address == null ? "unknown" : address;
        acceptance.persistAndFlush();
        return acceptance;
    }
}
