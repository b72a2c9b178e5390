package io.harmattan.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A consultant's named inbox filter: the query string of a parsed {@link InboxFilter}, never one typed by hand. */
@Entity
@Table(name = "saved_view")
public class SavedView extends PanacheEntityBase {

    public static final int MAX_NAME = 60;
    /** Enough for anyone's habits; the inbox shows them all in one line. */
    public static final int MAX_PER_CONSULTANT = 20;
    /** The column's size: filters whose query string is longer (long searches in other scripts) are not saved. */
    public static final int MAX_QUERY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String owner;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    @Column(nullable = false, length = 1000)
    public String query;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A view as the inbox lists it. */
    public record Link(long id, String name, String query) {
    }

    static List<Link> of(String owner) {
        return getEntityManager().createQuery("select new io.harmattan.triage.SavedView$Link(v.id, v.name, v.query)"
                + " from SavedView v where v.owner = ?1 order by v.name", Link.class).setParameter(1, owner).getResultList();
    }
}
