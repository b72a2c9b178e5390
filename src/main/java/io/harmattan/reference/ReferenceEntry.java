package io.harmattan.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Locale;

/**
 * A reference code with its English and French labels and its place in lists. Only migrations
 * write these tables, so the entities and their ordered lists live in Hibernate's second-level
 * cache: the public form and the pages that offer these choices do not query for them.
 */
@MappedSuperclass
public abstract class ReferenceEntry extends PanacheEntityBase {

    @Id
    @Column(length = 32)
    public String code;

    @Column(name = "label_en", nullable = false)
    public String labelEn;

    @Column(name = "label_fr", nullable = false)
    public String labelFr;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public Choice choice() {
        return new Choice(code, labelEn, labelFr);
    }

    public String label(Locale locale) {
        return choice().label(locale);
    }
}
