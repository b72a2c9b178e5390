package io.harmattan.reference;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

@Entity
@Cacheable
@Table(name = "sector")
public class Sector extends ReferenceEntry {

    public static List<Sector> ordered() {
        return find("order by sortOrder").withHint(HibernateHints.HINT_CACHEABLE, true).list();
    }

    public static List<Choice> choices() {
        return ordered().stream().map(ReferenceEntry::choice).toList();
    }
}
