package io.harmattan.web;

/**
 * What the app accepts as an email address: one a mail server would deliver to, with a dot in
 * its domain and none of the characters that turn an address into mailto parameters or markup
 * ({@code ? & % " ' < > ( ) [ ] \ , ; :} or spaces). Stricter than {@code @Email}, on purpose.
 */
public final class EmailAddress {

    public static final String PATTERN = "[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+@[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+\\.[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    /** Whether {@code address} is one (null is not). */
    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && COMPILED.matcher(address).matches();
    }
}
