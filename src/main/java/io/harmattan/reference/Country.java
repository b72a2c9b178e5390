package io.harmattan.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "country")
public class Country extends ReferenceEntry {

    public static List<Country> ordered() {
        return list("order by sortOrder");
    }
}
