package io.harmattan.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "sector")
public class Sector extends ReferenceEntry {

    public static List<Sector> ordered() {
        return list("order by sortOrder");
    }
}
