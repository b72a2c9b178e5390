package io.harmattan.portal;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.account.Memberships;
import io.harmattan.account.Memberships.Membership;
import io.harmattan.audit.AuditEvent;
import io.harmattan.briefing.BriefingAccess;
import io.harmattan.briefing.BriefingCatalogue;
import io.harmattan.briefing.BriefingCatalogue.Entry;
import io.harmattan.briefing.BriefingMessages;
import io.harmattan.briefing.BriefingPages;
import io.harmattan.briefing.BriefingPdf;
import io.harmattan.briefing.BriefingReads;
import io.harmattan.briefing.LineDiff;
import io.harmattan.briefing.Markdown;
import io.harmattan.briefing.ReasonTexts;
import io.harmattan.briefing.VersionContent;
import io.harmattan.matching.MatchEngine.Ranked;
import io.harmattan.persistence.FullText;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Dates;
import io.harmattan.web.Locales;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "My briefings": the published briefings that match the client's organisation, newest first,
 * each with why it is there. Anything else (a draft, an archived or non-matching briefing, an
 * unknown id) answers the same 404, so ids cannot be probed.
 */
@Path("/portal/briefings")
@RolesAllowed(Roles.CLIENT)
@Produces(MediaType.TEXT_HTML)
public class PortalBriefingsResource {

    /**
     * One line of the list: the briefing, why it is there (in the reader's language), and whether
     * the reader has read it: {@code new}, {@code updated} (an earlier version only) or {@code read}.
     */
    public record Item(Entry briefing, List<String> reasons, String readState) {
    }

    /**
     * What changed since the version the reader last read ({@code from}): the ratings then and the
     * lines of the text, in the language they read now.
     */
    public record SinceRead(int from, int securityRisk, int politicalRisk, int operationalRisk, List<LineDiff.Line> lines) {
    }

    /**
     * One page of the list: {@code q} is what was searched (null for none), {@code total} how many
     * briefings the list holds in all, {@code page} counted from 1.
     */
    public record Listing(List<Item> items, String q, boolean tooShort, int total, int page) {

        public int pages() {
            return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        public String previousUri() {
            return pageUri(page - 1);
        }

        public String nextUri() {
            return pageUri(page + 1);
        }

        /** The list's address for another page, keeping the search. */
        private String pageUri(int number) {
            return "/portal/briefings?" + (q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&")
                    + "page=" + number;
        }
    }

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance briefings(Membership organisation, Listing listing);

        static native TemplateInstance briefing(Entry briefing, VersionContent version, String language,
                boolean fallback, RawString body, List<String> reasons, SinceRead since);
    }

    @Inject
    Viewer viewer;

    @Inject
    Locales locales;

    @Inject
    BriefingCatalogue catalogue;

    @Inject
    Memberships memberships;

    @Inject
    BriefingReads reads;

    @Inject
    BriefingPages pages;

    @Inject
    ReasonTexts reasonTexts;

    @Inject
    BriefingAccess access;

    @Inject
    BriefingPdf briefingPdf;

    @Inject
    Dates dates;

    @Inject
    HarmattanConfig config;

    /**
     * The organisation's briefings, newest first, {@value #PAGE_SIZE} a page; with {@code q}, those
     * whose title, summary or text (either language) holds every word.
     */
    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") String page) {
        Membership organisation = organisation();
        Locale locale = locales.current();
        String typed = FullText.typed(q);
        List<String> words = FullText.words(typed);
        BriefingCatalogue.Snapshot published = catalogue.snapshot();
        Set<Long> holding = typed == null ? null : words.isEmpty() ? Set.of() : published.holdingAll(words);
        List<Ranked> shown = readable(organisation, published).values().stream()
                .filter(match -> holding == null || holding.contains(match.id()))
                .sorted(Comparator.comparing((Ranked match) -> published.entry(match.id()).orElseThrow().publishedAt()).reversed()
                        .thenComparing(Ranked::id))
                .toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(pages, pageNumber(page));
        Map<Long, Integer> read = shown.isEmpty() ? Map.of() : reads.readBy(viewer.getSubject());
        List<Item> items = shown.subList((number - 1) * PAGE_SIZE, Math.min(shown.size(), number * PAGE_SIZE)).stream()
                .map(match -> {
                    Entry entry = published.entry(match.id()).orElseThrow();
                    Integer last = read.get(entry.id());
                    return new Item(entry, match.reasons().stream().map(reason -> reasonTexts.describeForClient(reason, locale))
                            .toList(), last == null ? "new" : last < entry.number() ? "updated" : "read");
                })
                .toList();
        return Templates.briefings(organisation, new Listing(items, typed, typed != null && words.isEmpty(), shown.size(), number));
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance read(@PathParam("id") String id) {
        Membership organisation = organisation();
        Ranked match = visible(organisation, id);
        Entry entry = catalogue.entry(match.id()).orElseThrow(NotFoundException::new);
        VersionContent version = version(entry);
        String wanted = locales.current().getLanguage();
        String language = version.languageFor(wanted);
        Integer last = reads.readBy(viewer.getSubject()).get(entry.id());
        SinceRead since = last == null || last >= entry.number() ? null : pages.version(entry.id(), last)
                .map(before -> new SinceRead(last, before.securityRisk(), before.politicalRisk(), before.operationalRisk(),
                        LineDiff.changed(before.body(language), version.body(language))
                                ? LineDiff.between(before.body(language), version.body(language)) : List.of()))
                .orElse(null);
        reads.record(entry.id(), entry.number(), organisation.id(), viewer.getSubject(), viewer.getUsername(), Instant.now());
        Locale locale = locales.current();
        return Templates.briefing(entry, version, language, !language.equals(wanted), Markdown.toRaw(version.body(language)),
                match.reasons().stream().map(reason -> reasonTexts.describeForClient(reason, locale)).toList(), since);
    }

    /**
     * The briefing as a PDF for the client's own records, "Prepared for" this person on every page;
     * never for TLP:RED, which answers the same 404 as a briefing they may not read.
     */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        Membership organisation = organisation();
        Entry entry = catalogue.entry(visible(organisation, id).id()).orElseThrow(NotFoundException::new);
        if (!entry.tlp().exportable()) {
            throw new NotFoundException();
        }
        VersionContent version = version(entry);
        Locale locale = locales.current();
        String language = version.languageFor(locale.getLanguage());
        String person = QuarkusTransaction.requiringNew().call(() -> {
            ClientUser reader = ClientUser.findById(organisation.personId());
            return reader.name().isEmpty() ? reader.email : reader.name();
        });
        String preparedFor = MessageBundles.get(BriefingMessages.class, Localized.Literal.of(locale.getLanguage()))
                .pdf_prepared_for(person, organisation.name(), dates.day(LocalDate.now(config.triage().zone()), locale));
        byte[] document = briefingPdf.of(entry, version, language, preparedFor, locale);
        // The person by their account's id, not their address, which an erasure could not take back out of the log.
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(viewer.getSubject(), "briefing.exported", "briefing",
                entry.id(), "version=" + entry.number() + " organisation=" + organisation.id() + " format=pdf"));
        return Response.ok(document, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"briefing-" + entry.id() + "-v" + entry.number() + ".pdf\"")
                .build();
    }

    /** A client without an active membership (suspended, removed) is refused the whole portal. */
    private Membership organisation() {
        return memberships.require(viewer.getSubject());
    }

    /** The briefings this person may read (see {@link BriefingAccess}), best match first. */
    private Map<Long, Ranked> readable(Membership organisation, BriefingCatalogue.Snapshot published) {
        return access.readable(organisation.sectors(), organisation.countries(), organisation.personId(), published);
    }

    /** The match for this id if the person may read it; otherwise the same 404 as a missing id. */
    private Ranked visible(Membership organisation, String id) {
        long briefingId;
        try {
            briefingId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        Ranked match = readable(organisation, catalogue.snapshot()).get(briefingId);
        if (match == null) {
            throw new NotFoundException();
        }
        return match;
    }

    private VersionContent version(Entry entry) {
        return pages.version(entry.id(), entry.number()).orElseThrow(NotFoundException::new);
    }
}
