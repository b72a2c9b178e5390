package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine.Reason;
import io.harmattan.reference.ReferenceLabels;
import io.harmattan.web.Messages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** "mining × Mali, from ‘Sadiola’ and ‘gold’" in the reader's language. */
@ApplicationScoped
public class ReasonTexts {

    @Inject
    ReferenceLabels labels;

    public String describe(Reason reason, Locale locale) {
        Messages texts = texts(locale);
        String sector = sector(reason, texts, locale);
        String country = country(reason, texts, locale);
        if (reason.evidence().isEmpty()) {
            return texts.match_reason_declared(sector, country);
        }
        List<String> quoted = reason.evidence().stream().map(texts::match_quote).toList();
        String words = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " " + texts.match_and() + " " + quoted.get(quoted.size() - 1);
        return texts.match_reason_from(sector, country, words);
    }

    /** For a client: the match comes from what their organisation follows, never from free text. */
    public String describeForClient(Reason reason, Locale locale) {
        Messages texts = texts(locale);
        return texts.portal_reason(sector(reason, texts, locale), country(reason, texts, locale));
    }

    private static Messages texts(Locale locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale.getLanguage()));
    }

    private String sector(Reason reason, Messages texts, Locale locale) {
        return reason.sector() == null ? texts.match_all_sectors() : labels.sector(reason.sector(), locale);
    }

    private String country(Reason reason, Messages texts, Locale locale) {
        return reason.country() == null ? texts.match_any_country() : labels.country(reason.country(), locale);
    }

    public List<String> describe(List<Reason> reasons, Locale locale) {
        return reasons.stream().map(reason -> describe(reason, locale)).toList();
    }
}
