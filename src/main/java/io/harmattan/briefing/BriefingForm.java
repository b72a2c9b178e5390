package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The briefing editor's fields, as posted. {@link #errors()} gives one error code per field
 * (rendered by msg:briefing_error); the form always comes back with what was typed.
 */
public class BriefingForm {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BODY = 60_000;
    static final int MAX_SOURCES = 4000;

    @RestForm public String titleEn;
    @RestForm public String titleFr;
    @RestForm public String summaryEn;
    @RestForm public String summaryFr;
    @RestForm public String bodyEn;
    @RestForm public String bodyFr;
    @RestForm public List<String> countries;
    @RestForm public List<String> sectors;
    @RestForm public boolean allSectors;
    @RestForm public String securityRisk;
    @RestForm public String politicalRisk;
    @RestForm public String operationalRisk;
    @RestForm public String sources;
    @RestForm public String reviewDate;
    @RestForm public String tlp;
    /** The briefing's version when the editor was opened: a save over someone else's is a conflict. */
    @RestForm public Long lock;

    public static BriefingForm empty() {
        BriefingForm form = new BriefingForm();
        form.securityRisk = "3";
        form.politicalRisk = "3";
        form.operationalRisk = "3";
        form.tlp = Tlp.CLEAR.code();
        return form;
    }

    public static BriefingForm of(VersionContent version, long lock) {
        BriefingForm form = new BriefingForm();
        form.titleEn = version.titleEn();
        form.titleFr = version.titleFr();
        form.summaryEn = version.summaryEn();
        form.summaryFr = version.summaryFr();
        form.bodyEn = version.bodyEn();
        form.bodyFr = version.bodyFr();
        form.countries = version.countries();
        form.sectors = version.sectors();
        form.allSectors = version.allSectors();
        form.securityRisk = Integer.toString(version.securityRisk());
        form.politicalRisk = Integer.toString(version.politicalRisk());
        form.operationalRisk = Integer.toString(version.operationalRisk());
        form.sources = version.sources();
        form.reviewDate = version.reviewDate() == null ? null : version.reviewDate().toString();
        form.tlp = version.tlp().code();
        form.lock = lock;
        return form;
    }

    public List<String> countriesOrEmpty() {
        return countries == null ? List.of() : countries;
    }

    public List<String> sectorsOrEmpty() {
        return sectors == null ? List.of() : sectors;
    }

    /** Field name to error code; empty when the form can be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new TreeMap<>();
        boolean english = complete(titleEn, summaryEn, bodyEn);
        boolean french = complete(titleFr, summaryFr, bodyFr);
        if (!english && !french) {
            errors.put("titleEn", "one-language");
        }
        length(errors, "titleEn", titleEn, MAX_TITLE);
        length(errors, "titleFr", titleFr, MAX_TITLE);
        length(errors, "summaryEn", summaryEn, MAX_SUMMARY);
        length(errors, "summaryFr", summaryFr, MAX_SUMMARY);
        length(errors, "bodyEn", bodyEn, MAX_BODY);
        length(errors, "bodyFr", bodyFr, MAX_BODY);
        length(errors, "sources", sources, MAX_SOURCES);
        if (countriesOrEmpty().isEmpty() || !MatchEngine.COUNTRIES.containsAll(countriesOrEmpty())) {
            errors.put("countries", "choose-country");
        }
        if (!MatchEngine.SECTORS.containsAll(sectorsOrEmpty()) || (!allSectors && sectorsOrEmpty().isEmpty())) {
            errors.put("sectors", "choose-sector");
        }
        for (String field : List.of("securityRisk", "politicalRisk", "operationalRisk")) {
            if (rating(value(field)) == 0) {
                errors.put(field, "rating");
            }
        }
        if (Tlp.ofCode(tlp).isEmpty()) {
            errors.put("tlp", "tlp");
        }
        if (reviewDate != null && !reviewDate.isBlank() && day(reviewDate) == null) {
            errors.put("reviewDate", "date");
        }
        return errors;
    }

    /** Copies the fields into a draft version; says which languages changed. */
    void applyTo(BriefingVersion version, java.time.Instant now) {
        boolean englishChanged = !same(version.titleEn, titleEn) || !same(version.summaryEn, summaryEn)
                || !same(version.bodyEn, bodyEn);
        boolean frenchChanged = !same(version.titleFr, titleFr) || !same(version.summaryFr, summaryFr)
                || !same(version.bodyFr, bodyFr);
        version.titleEn = clean(titleEn);
        version.titleFr = clean(titleFr);
        version.summaryEn = clean(summaryEn);
        version.summaryFr = clean(summaryFr);
        version.bodyEn = clean(bodyEn);
        version.bodyFr = clean(bodyFr);
        if (englishChanged) {
            version.enUpdatedAt = now;
        }
        if (frenchChanged) {
            version.frUpdatedAt = now;
        }
        version.allSectors = allSectors;
        // Change the element collections in place: replacing them would rewrite every row.
        version.countries.retainAll(countriesOrEmpty());
        version.countries.addAll(countriesOrEmpty());
        List<String> chosenSectors = allSectors ? List.of() : sectorsOrEmpty();
        version.sectors.retainAll(chosenSectors);
        version.sectors.addAll(chosenSectors);
        version.securityRisk = rating(securityRisk);
        version.politicalRisk = rating(politicalRisk);
        version.operationalRisk = rating(operationalRisk);
        version.sources = clean(sources);
        version.reviewDate = reviewDate == null || reviewDate.isBlank() ? null : day(reviewDate);
        version.tlp = Tlp.ofCode(tlp).orElseThrow();
    }

    private String value(String field) {
        return switch (field) {
            case "securityRisk" -> securityRisk;
            case "politicalRisk" -> politicalRisk;
            default -> operationalRisk;
        };
    }

    static int rating(String value) {
        if (value == null || !value.matches("[1-5]")) {
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void length(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.putIfAbsent(field, "too-long");
        }
    }

    private static boolean complete(String title, String summary, String body) {
        return present(title) && present(summary) && present(body);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n");
    }

    private static boolean same(String stored, String posted) {
        return java.util.Objects.equals(stored, clean(posted));
    }
}
