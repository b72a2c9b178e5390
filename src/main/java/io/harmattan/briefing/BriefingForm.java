package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The briefing editor's fields, as posted, checked by Hibernate Validator like the intake form
 * (messages in ValidationMessages, in the reader's language); the form always comes back with
 * what was typed. The rules that span fields are boolean properties, each shown at one field.
 */
public class BriefingForm {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BODY = 60_000;
    static final int MAX_SOURCES = 4000;
    private static final String TOO_LONG = "{briefing.too-long}";
    private static final String RATING = "{briefing.rating}";

    /** Where each cross-field rule's message is shown. */
    private static final Map<String, String> SHOWN_AT = Map.of("oneLanguageWritten", "titleEn",
            "countryChosen", "countries", "sectorChosen", "sectors", "tlpKnown", "tlp", "reviewDateReadable", "reviewDate");

    @RestForm @Size(max = MAX_TITLE, message = TOO_LONG) public String titleEn;
    @RestForm @Size(max = MAX_TITLE, message = TOO_LONG) public String titleFr;
    @RestForm @Size(max = MAX_SUMMARY, message = TOO_LONG) public String summaryEn;
    @RestForm @Size(max = MAX_SUMMARY, message = TOO_LONG) public String summaryFr;
    @RestForm @Size(max = MAX_BODY, message = TOO_LONG) public String bodyEn;
    @RestForm @Size(max = MAX_BODY, message = TOO_LONG) public String bodyFr;
    @RestForm public List<String> countries;
    @RestForm public List<String> sectors;
    @RestForm public boolean allSectors;
    @RestForm @NotNull(message = RATING) @Pattern(regexp = "[1-5]", message = RATING) public String securityRisk;
    @RestForm @NotNull(message = RATING) @Pattern(regexp = "[1-5]", message = RATING) public String politicalRisk;
    @RestForm @NotNull(message = RATING) @Pattern(regexp = "[1-5]", message = RATING) public String operationalRisk;
    @RestForm @Size(max = MAX_SOURCES, message = TOO_LONG) public String sources;
    @RestForm public String reviewDate;
    @RestForm public String tlp;
    /** The briefing's version when the editor was opened: a save over someone else's is a conflict. */
    @RestForm public Long lock;

    /**
     * A new briefing: no rating is chosen for the author, who must weigh each one, and the marking
     * starts at TLP:AMBER, so that forgetting it never makes a text public.
     */
    public static BriefingForm empty() {
        BriefingForm form = new BriefingForm();
        form.tlp = Tlp.AMBER.code();
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

    /**
     * The rules that span fields, as a record of their outcomes: validated like the fields (a
     * constrained getter on this class would be intercepted as method validation instead).
     */
    record Rules(@AssertTrue(message = "{briefing.one-language}") boolean oneLanguageWritten,
            @AssertTrue(message = "{briefing.choose-country}") boolean countryChosen,
            @AssertTrue(message = "{briefing.choose-sector}") boolean sectorChosen,
            @AssertTrue(message = "{briefing.tlp}") boolean tlpKnown,
            @AssertTrue(message = "{briefing.date}") boolean reviewDateReadable) {
    }

    Rules rules() {
        return new Rules(complete(titleEn, summaryEn, bodyEn) || complete(titleFr, summaryFr, bodyFr),
                !countriesOrEmpty().isEmpty() && MatchEngine.COUNTRIES.containsAll(countriesOrEmpty()),
                MatchEngine.SECTORS.containsAll(sectorsOrEmpty()) && (allSectors || !sectorsOrEmpty().isEmpty()),
                Tlp.ofCode(tlp).isPresent(),
                reviewDate == null || reviewDate.isBlank() || day(reviewDate) != null);
    }

    /** Field name to message; empty when the form can be saved. */
    public Map<String, String> errors(Validator validator) {
        Map<String, String> errors = new TreeMap<>();
        List<ConstraintViolation<?>> violations = new ArrayList<>(validator.validate(this));
        violations.addAll(validator.validate(rules()));
        for (ConstraintViolation<?> violation : violations) {
            String property = violation.getPropertyPath().toString();
            errors.putIfAbsent(SHOWN_AT.getOrDefault(property, property), violation.getMessage());
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
