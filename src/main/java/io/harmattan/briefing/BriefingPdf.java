package io.harmattan.briefing;

import io.harmattan.HarmattanConfig;
import io.harmattan.briefing.BriefingCatalogue.Entry;
import io.harmattan.web.Pdf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * A published briefing as the client's own document: the firm's name and the TLP marking at the
 * top of every page, ratings, text, sources and dates, and "Prepared for" the reader and their
 * organisation on every page, so that a copy that travels says whose it was. Never for TLP:RED.
 */
@ApplicationScoped
public class BriefingPdf {

    @CheckedTemplate(basePath = "BriefingPdf")
    static class Templates {
        static native TemplateInstance document(String firm, Entry briefing, VersionContent version, String language,
                RawString body, String preparedFor, Locale locale);
    }

    @Inject
    HarmattanConfig config;

    @Inject
    Pdf pdf;

    /**
     * The PDF of {@code version} in {@code language}, labelled for a reader whose page is in
     * {@code locale}; {@code preparedFor} is the line every page carries.
     */
    public byte[] of(Entry briefing, VersionContent version, String language, String preparedFor, Locale locale) {
        if (!version.tlp().exportable()) {
            throw new IllegalArgumentException("TLP:RED is never exported");
        }
        String html = Templates.document(config.firmName(), briefing, version, language, Markdown.toRaw(version.body(language)),
                preparedFor, locale).setLocale(locale).render();
        return pdf.render(html);
    }
}
