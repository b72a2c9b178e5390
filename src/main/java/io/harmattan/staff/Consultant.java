package io.harmattan.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A consultant who has used the console: someone a lead can be assigned to. */
@Entity
@Table(name = "consultant")
public class Consultant extends PanacheEntityBase {

    @Id
    @Column(length = 120)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Column(length = 254)
    public String email;

    /** The language they last used the console in (en or fr): mails to them are written in it. */
    @Column(length = 2)
    public String language;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** Whom a lead can be assigned to, as pages list them. */
    public record Assignee(String username, String displayName) {

        /** {@code username}'s display name among {@code directory}; the username itself if not there (or null). */
        public static String nameOf(java.util.List<Assignee> directory, String username) {
            return username == null ? null : directory.stream().filter(a -> a.username().equals(username))
                    .map(Assignee::displayName).findFirst().orElse(username);
        }
    }

    public static List<Assignee> assignees() {
        return getEntityManager().createQuery("select new io.harmattan.staff.Consultant$Assignee(c.username, c.displayName)"
                + " from Consultant c order by c.displayName", Assignee.class).getResultList();
    }
}
