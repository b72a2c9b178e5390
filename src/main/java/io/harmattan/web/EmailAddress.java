package io.harmattan.web;

/**
 * What the app accepts as an email address: one a mail server would deliver to, with a dot in
 * its domain and none of the characters that turn an address into mailto parameters or markup
 * ({@code ? & % " ' < > ( ) [ ] \ , ; :} or spaces). Stricter than {@code @Email}, on purpose.
 */
public final class EmailAddress {

    public static final String PATTERN = "[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+@[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+\\.[^\\s@?&%\"'<>()\\[\\]\\\\,;:]+";

    private EmailAddress() {
    }
}
