package io.harmattan.account;

import io.harmattan.web.EmailAddress;
import io.harmattan.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who to give an account to (a client's person, or a staff member with a role chosen beside it), and
 * the language of Keycloak's mail to them.
 * Names exclude the characters Keycloak's user profile refuses in a person's name, so that the
 * form says so rather than Keycloak later; the email needs a domain with a dot.
 */
public record InviteForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "{account.name.characters}") String firstName,
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "{account.name.characters}") String lastName,
        @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = "{intake.email.invalid}") String email,
        @NotBlank @Pattern(regexp = "en|fr") String language) {

    /** Letters, spaces, apostrophes, hyphens, dots and the like; none of <>&"$%!#?§;*~/\|^=[]{}(). */
    public static final String NAME = "[^<>&\"$%!#?§;*~/\\|^=\\[\\]{}()]*";
    public static final String EMAIL = EmailAddress.PATTERN;

    /** The form as typed, with surrounding spaces dropped. */
    public static InviteForm of(String firstName, String lastName, String email, String language) {
        return new InviteForm(strip(PlainText.withoutBidiControls(firstName)), strip(PlainText.withoutBidiControls(lastName)),
                strip(email), strip(language));
    }

    /** A field as typed, for the form shown again ("" when nothing was typed): firstName, lastName or email. */
    public String value(String field) {
        String value = switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            default -> email;
        };
        return value == null ? "" : value;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
