package io.harmattan.reference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels of countries, sectors and services in the reader's language, read from the reference
 * tables once: pages that list many briefings should not ask the database for each label.
 */
@ApplicationScoped
@Named("labels")
public class ReferenceLabels {

    private volatile Map<String, ReferenceEntry> entries;

    public String country(String code, Locale locale) {
        return label("country:" + code, code, locale);
    }

    public String sector(String code, Locale locale) {
        return label("sector:" + code, code, locale);
    }

    public String service(String code, Locale locale) {
        return label("service:" + code, code, locale);
    }

    public String countries(java.util.Collection<String> codes, Locale locale) {
        return String.join(", ", codes.stream().map(code -> country(code, locale)).toList());
    }

    public String sectors(java.util.Collection<String> codes, Locale locale) {
        return String.join(", ", codes.stream().map(code -> sector(code, locale)).toList());
    }

    public String services(java.util.Collection<String> codes, Locale locale) {
        return String.join(", ", codes.stream().map(code -> service(code, locale)).toList());
    }

    private String label(String key, String code, Locale locale) {
        ReferenceEntry entry = all().get(key);
        return entry == null ? code : entry.label(locale);
    }

    private Map<String, ReferenceEntry> all() {
        Map<String, ReferenceEntry> known = entries;
        if (known == null) {
            known = QuarkusTransaction.joiningExisting().call(() -> {
                Map<String, ReferenceEntry> loaded = new HashMap<>();
                Country.ordered().forEach(c -> loaded.put("country:" + c.code, c));
                Sector.ordered().forEach(s -> loaded.put("sector:" + s.code, s));
                AdvisoryService.ordered().forEach(s -> loaded.put("service:" + s.code, s));
                return Map.copyOf(loaded);
            });
            entries = known;
        }
        return known;
    }
}
