package io.harmattan.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;

@Entity
@Table(name = "country")
public class Country extends PanacheEntityBase implements Labelled {

    @Id
    @Column(length = 2)
    public String code;

    @Column(name = "label_en", nullable = false)
    public String labelEn;

    @Column(name = "label_fr", nullable = false)
    public String labelFr;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public static List<Country> ordered() {
        return list("order by sortOrder");
    }

    @Override
    public String label(Locale locale) {
        return Labelled.pick(locale, labelEn, labelFr);
    }
}
