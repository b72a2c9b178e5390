package io.harmattan.intake;

import io.harmattan.web.EmailAddress;
import io.harmattan.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What the public form may set, and nothing else: no id, status or reference comes from the
 * browser. Messages are keys of ValidationMessages(_fr).properties.
 */
public record InterestForm(
        @RestForm @NotBlank(message = "{intake.name.required}") @Size(max = 120, message = "{intake.too-long}") String name,
        @RestForm @NotBlank(message = "{intake.email.required}") @Email(message = "{intake.email.invalid}")
        @Pattern(regexp = EmailAddress.PATTERN, message = "{intake.email.invalid}")
        @Size(max = 254, message = "{intake.too-long}") String email,
        @RestForm @NotBlank(message = "{intake.organisation.required}") @Size(max = 200, message = "{intake.too-long}") String organisation,
        @RestForm @NotBlank(message = "{intake.job-title.required}") @Size(max = 120, message = "{intake.too-long}") String jobTitle,
        @RestForm @Size(max = 40, message = "{intake.too-long}")
        @Pattern(regexp = "^[0-9+()./\\- ]*$", message = "{intake.phone.invalid}") String phone,
        @RestForm @NotEmpty(message = "{intake.sectors.required}") @Size(max = 8, message = "{intake.too-many}") List<String> sectors,
        @RestForm @NotEmpty(message = "{intake.countries.required}") @Size(max = 3, message = "{intake.too-many}") List<String> countries,
        @RestForm @NotEmpty(message = "{intake.services.required}") @Size(max = 7, message = "{intake.too-many}") List<String> services,
        @RestForm @NotBlank(message = "{intake.timeframe.required}")
        @Pattern(regexp = "^(now|3-months|6-months|12-months|exploring)$", message = "{intake.timeframe.required}") String timeframe,
        @RestForm @NotBlank(message = "{intake.needs.required}") @Size(max = 4000, message = "{intake.needs.too-long}") String needs,
        @RestForm @AssertTrue(message = "{intake.consent.required}") boolean consent,
        @RestForm boolean marketingOptIn,
        @RestForm String token,
        @RestForm("website") String honeypot) {

    public static final List<String> TIMEFRAMES = List.of("now", "3-months", "6-months", "12-months", "exploring");

    public static InterestForm empty() {
        return new InterestForm("", "", "", "", "", List.of(), List.of(), List.of(), "", "", false, false, null, null);
    }

    /**
     * The answers as a refused post carried them (field name to values; see RefusedForms). Consent
     * and the news opt-in are never ticked for the person: they tick them again themselves.
     */
    public static InterestForm typed(Map<String, List<String>> fields) {
        return new InterestForm(first(fields, "name"), first(fields, "email"), first(fields, "organisation"),
                first(fields, "jobTitle"), first(fields, "phone"), fields.getOrDefault("sectors", List.of()),
                fields.getOrDefault("countries", List.of()), fields.getOrDefault("services", List.of()),
                first(fields, "timeframe"), first(fields, "needs"), false, false, first(fields, "token"), first(fields, "website"));
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The same answers with bidi controls taken out of the names a consultant reads in lists. */
    public InterestForm withoutBidiControls() {
        return new InterestForm(PlainText.withoutBidiControls(name), email, PlainText.withoutBidiControls(organisation),
                PlainText.withoutBidiControls(jobTitle), phone, sectors, countries, services, timeframe, needs, consent,
                marketingOptIn, token, honeypot);
    }

    public List<String> sectorsOrEmpty() {
        return sectors == null ? List.of() : sectors;
    }

    public List<String> countriesOrEmpty() {
        return countries == null ? List.of() : countries;
    }

    public List<String> servicesOrEmpty() {
        return services == null ? List.of() : services;
    }
}
