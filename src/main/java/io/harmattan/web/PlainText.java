package io.harmattan.web;

import java.util.regex.Pattern;

/** Names as people typed them, minus what only serves to deceive a reader. */
public final class PlainText {

    /**
     * The bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069):
     * invisible, they can make "Acme gnitekram" read as something else in a list of names.
     */
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private PlainText() {
    }

    /** The text without bidi controls; null stays null. */
    public static String withoutBidiControls(String text) {
        return text == null ? null : BIDI_CONTROLS.matcher(text).replaceAll("");
    }
}
