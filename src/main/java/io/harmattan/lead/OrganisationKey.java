package io.harmattan.lead;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** An organisation's name reduced to what identifies it, for finding repeat requests. */
public final class OrganisationKey {

    private OrganisationKey() {
    }

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern LEGAL_FORMS = Pattern.compile(
            "\\b(s ?a ?r ?l|s ?a ?s|s ?a|ltd|limited|inc|llc|plc|gmbh|corp|corporation|company|co)\\b");

    /** "Société Minière du Liptako S.A." and "societe miniere du liptako" give the same key. */
    public static String of(String organisation) {
        String folded = ACCENTS.matcher(Normalizer.normalize(organisation, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
        String key = LEGAL_FORMS.matcher(folded).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return key.isEmpty() ? folded.strip() : key;
    }
}
