package io.harmattan.reference;

import java.util.Locale;

/** Reference data carries a stable code and a label in English and French. */
public interface Labelled {

    String label(Locale locale);

    static String pick(Locale locale, String english, String french) {
        return locale != null && "fr".equals(locale.getLanguage()) ? french : english;
    }
}
