package io.harmattan.reference;

import java.util.Locale;

/** A reference code with its labels, as pages offer it: a value copied out of the cached entity. */
public record Choice(String code, String labelEn, String labelFr) {

    public String label(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
    }
}
