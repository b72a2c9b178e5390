package io.harmattan.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "advisory_service")
public class AdvisoryService extends ReferenceEntry {

    public static List<AdvisoryService> ordered() {
        return list("order by sortOrder");
    }
}
