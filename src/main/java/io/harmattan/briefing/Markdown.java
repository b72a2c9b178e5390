package io.harmattan.briefing;

import io.quarkus.qute.RawString;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Briefing bodies are written in Markdown, with GitHub's tables. Raw HTML in the source is escaped by the renderer, and
 * the result goes through a whitelist sanitizer anyway: no script, no event handler, no style, and
 * links only to http(s) and mailto, opened without passing the referrer.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("a").allowUrlProtocols("https", "http", "mailto")
                    .allowAttributes("href").onElements("a").requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowElements("pre", "code", "hr").toFactory());

    private Markdown() {
    }

    /** Safe HTML for a page; null or blank gives an empty string. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** For templates: already sanitized, so Qute must not escape it a second time. */
    public static RawString toRaw(String markdown) {
        return new RawString(toHtml(markdown));
    }
}
