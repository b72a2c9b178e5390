package io.harmattan.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;

@Entity
@Table(name = "sector")
public class Sector extends PanacheEntityBase implements Labelled {

    @Id
    @Column(length = 32)
    public String code;

    @Column(name = "label_en", nullable = false)
    public String labelEn;

    @Column(name = "label_fr", nullable = false)
    public String labelFr;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public static List<Sector> ordered() {
        return list("order by sortOrder");
    }

    @Override
    public String label(Locale locale) {
        return Labelled.pick(locale, labelEn, labelFr);
    }
}
