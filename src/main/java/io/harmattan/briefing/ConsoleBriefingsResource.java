package io.harmattan.briefing;

import io.harmattan.briefing.BriefingReads.Reader;
import io.harmattan.persistence.FullText;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.ReferenceLabels;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Dates;
import io.harmattan.web.Flash;
import io.harmattan.web.Locales;
import io.harmattan.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/** Consultants write, publish, compare and archive briefings, and see who read them. */
@Path("/console/briefings")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class ConsoleBriefingsResource {

    /**
     * The editor: what was typed, the errors per field, and whether a save collided with another.
     * {@code briefingId} is null for a new briefing.
     */
    public record Editor(Long briefingId, BriefingForm form, Map<String, String> errors, boolean conflict,
            List<Choice> countries, List<Choice> sectors) {

        public List<RatingField> ratingFields() {
            return List.of(new RatingField("securityRisk", BriefingForm.rating(form.securityRisk)),
                    new RatingField("politicalRisk", BriefingForm.rating(form.politicalRisk)),
                    new RatingField("operationalRisk", BriefingForm.rating(form.operationalRisk)));
        }

        public List<Tlp> tlpLevels() {
            return List.of(Tlp.values());
        }
    }

    public record RatingField(String key, int value) {
    }

    /** One field of a comparison: the two values, and a line diff for long texts. */
    public record Change(String field, String before, String after, boolean changed, List<LineDiff.Line> lines) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<BriefingRow> rows, String q, boolean tooShort, boolean capped,
                List<BriefingPages.DueReview> due, LocalDate today);

        static native TemplateInstance editor(Editor editor);

        static native TemplateInstance briefing(BriefingHeading briefing, VersionHeading latest,
                List<VersionHeading> versions, List<Reader> readers, String error,
                List<BriefingRecipients.Person> recipients, boolean canApprove);

        static native TemplateInstance preview(VersionContent version, String language, String other, RawString body);

        static native TemplateInstance compare(long briefingId, int from, int to, List<Change> changes);
    }

    static final int LIST_SIZE = 200;
    /** A search shows the briefings last changed first, at most this many: more words narrow it. */
    static final int SEARCH_SIZE = 50;
    /** The list names the published briefings whose review date is at most this many days ahead (or past). */
    static final int REVIEW_HORIZON_DAYS = 14;
    /** What the comparison shows for a field left empty. */
    static final String NOTHING = "—";

    @Inject
    Briefings briefings;

    @Inject
    BriefingRecipients recipients;

    @Inject
    BriefingPages pages;

    @Inject
    BriefingCatalogue catalogue;

    @Inject
    Viewer viewer;

    @Inject
    HttpServerRequest request;

    @Inject
    Validator validator;

    @Inject
    Locales locales;

    @Inject
    ReferenceLabels labels;

    @Inject
    Dates dates;

    /** The briefings last changed first; with {@code q}, those whose current text holds every word. */
    @GET
    public TemplateInstance list(@QueryParam("q") String q) {
        String typed = FullText.typed(q);
        List<String> words = FullText.words(typed);
        List<BriefingRow> rows = typed == null ? pages.list(LIST_SIZE) : words.isEmpty() ? List.of() : pages.list(SEARCH_SIZE, words);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<BriefingPages.DueReview> due = typed == null ? pages.dueForReview(today.plusDays(REVIEW_HORIZON_DAYS), LIST_SIZE)
                : List.of();
        return Templates.list(rows, typed, typed != null && words.isEmpty(), typed != null && rows.size() == SEARCH_SIZE, due,
                today);
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        return editor(null, BriefingForm.empty(), Map.of(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam BriefingForm form) {
        Map<String, String> errors = form.errors(validator);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(editor(null, form, errors, false)).build();
        }
        Briefing created = briefings.create(form, viewer.getUsername(), Instant.now());
        return Flash.redirect("/console/briefings/" + created.id, Flash.BRIEFING_SAVED, https());
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return overview(id, null);
    }

    /** The briefing's page, with what kept the last step from being taken ({@code error}: a code, or null). */
    private TemplateInstance overview(long id, String error) {
        BriefingPages.Overview overview = pages.overview(id).orElseThrow(NotFoundException::new);
        List<BriefingRecipients.Person> named = overview.latest().tlp() == Tlp.RED ? recipients.candidates(id) : List.of();
        VersionHeading latest = overview.latest();
        boolean canApprove = viewer.isLeadConsultant() && latest.approvableBy(viewer.getUsername())
                && !briefings.editors(id, latest.number()).contains(viewer.getUsername());
        return Templates.briefing(overview.briefing(), latest, overview.versions(), overview.readers(), error, named,
                canApprove);
    }

    /** Names the client people who may read this TLP:RED briefing (exactly those ticked). */
    @POST
    @Path("{id}/recipients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recipients(@PathParam("id") long id, @RestForm List<String> people) {
        pages.heading(id).orElseThrow(NotFoundException::new);
        List<Long> ids = people == null ? List.of() : people.stream().filter(p -> p.matches("\\d{1,18}")).map(Long::valueOf)
                .toList();
        recipients.name(id, ids, viewer.getUsername());
        return Flash.redirect("/console/briefings/" + id, Flash.BRIEFING_RECIPIENTS, https());
    }

    /** A lead consultant's approval of a TLP:RED or 5-rated draft, so that it can be published (four eyes). */
    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.LEAD_CONSULTANT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @RestForm Long lock) {
        try {
            briefings.approve(id, lock, viewer.getUsername(), Instant.now());
        } catch (Briefings.Conflict e) {
            return conflict(id, null);
        }
        return Flash.redirect("/console/briefings/" + id, Flash.BRIEFING_APPROVED, https());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") long id) {
        BriefingPages.Editing editing = pages.editing(id).orElseThrow(NotFoundException::new);
        return editor(id, BriefingForm.of(editing.latest(), editing.briefing().lock()), Map.of(), false);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @BeanParam BriefingForm form) {
        Map<String, String> errors = form.errors(validator);
        if (!errors.isEmpty()) {
            pages.heading(id).orElseThrow(NotFoundException::new);
            return Response.status(Response.Status.BAD_REQUEST).entity(editor(id, form, errors, false)).build();
        }
        try {
            briefings.save(id, form, viewer.getUsername(), Instant.now());
        } catch (Briefings.Conflict e) {
            return conflict(id, form);
        }
        return Flash.redirect("/console/briefings/" + id, Flash.BRIEFING_SAVED, https());
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, @RestForm Long lock, @RestForm String confirm) {
        return step(id, Flash.BRIEFING_PUBLISHED,
                () -> briefings.publish(id, lock, viewer.getUsername(), Instant.now(), "yes".equals(confirm)));
    }

    @POST
    @Path("{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") long id, @RestForm Long lock) {
        return step(id, Flash.BRIEFING_ARCHIVED, () -> briefings.archive(id, lock, viewer.getUsername(), Instant.now()));
    }

    /** A life-cycle step that changes what clients read: done, or a conflict page if the briefing moved on. */
    private Response step(long id, String flash, Runnable change) {
        try {
            change.run();
            catalogue.invalidate();
        } catch (Briefings.Conflict e) {
            return conflict(id, null);
        } catch (Briefings.NeedsApproval e) {
            return Response.status(Response.Status.CONFLICT).entity(overview(id, "needs-approval")).build();
        } catch (Briefings.LanguagesUnconfirmed e) {
            return Response.status(Response.Status.CONFLICT).entity(overview(id, "language-confirm")).build();
        }
        return Flash.redirect("/console/briefings/" + id, flash, https());
    }

    /** The page as a client will see it, in either language. */
    @GET
    @Path("{id}/versions/{number}")
    public TemplateInstance preview(@PathParam("id") long id, @PathParam("number") int number,
            @QueryParam("in") String language) {
        VersionContent version = pages.version(id, number).orElseThrow(NotFoundException::new);
        String shown = version.languageFor("fr".equals(language) ? "fr" : "en");
        return Templates.preview(version, shown, "fr".equals(shown) ? "en" : "fr", Markdown.toRaw(version.body(shown)));
    }

    @GET
    @Path("{id}/compare")
    public TemplateInstance compare(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw new NotFoundException();
        }
        Map<Integer, VersionContent> versions = pages.versions(id, Set.copyOf(List.of(from, to)));
        if (!versions.containsKey(from) || !versions.containsKey(to)) {
            throw new NotFoundException();
        }
        return Templates.compare(id, from, to, changes(versions.get(from), versions.get(to)));
    }

    /** Field by field, as the reader reads them: labels in their language, dates in their style, "—" for nothing. */
    List<Change> changes(VersionContent a, VersionContent b) {
        Locale locale = locales.current();
        Function<VersionContent, String> countries = v -> labels.countries(v.countries(), locale);
        Function<VersionContent, String> sectors = v -> v.allSectors() ? messages(locale).match_all_sectors()
                : labels.sectors(v.sectors(), locale);
        Function<VersionContent, String> review = v -> v.reviewDate() == null ? NOTHING : dates.day(v.reviewDate(), locale);
        return List.of(
                change("titleEn", a.titleEn(), b.titleEn(), false), change("titleFr", a.titleFr(), b.titleFr(), false),
                change("summaryEn", a.summaryEn(), b.summaryEn(), false),
                change("summaryFr", a.summaryFr(), b.summaryFr(), false),
                change("bodyEn", a.bodyEn(), b.bodyEn(), true), change("bodyFr", a.bodyFr(), b.bodyFr(), true),
                change("countries", countries.apply(a), countries.apply(b), false),
                change("sectors", sectors.apply(a), sectors.apply(b), false),
                change("securityRisk", "" + a.securityRisk(), "" + b.securityRisk(), false),
                change("politicalRisk", "" + a.politicalRisk(), "" + b.politicalRisk(), false),
                change("operationalRisk", "" + a.operationalRisk(), "" + b.operationalRisk(), false),
                change("tlp", "TLP:" + a.tlp().code(), "TLP:" + b.tlp().code(), false),
                change("reviewDate", review.apply(a), review.apply(b), false),
                change("sources", a.sources(), b.sources(), true));
    }

    private static Messages messages(Locale locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    private static Change change(String field, String before, String after, boolean lines) {
        before = before == null || before.isBlank() ? NOTHING : before;
        after = after == null || after.isBlank() ? NOTHING : after;
        boolean changed = LineDiff.changed(before, after);
        return new Change(field, before, after, changed, lines && changed ? LineDiff.between(before, after) : List.of());
    }

    private Response conflict(long id, BriefingForm typed) {
        BriefingPages.Editing current = pages.editing(id).orElseThrow(NotFoundException::new);
        long lock = current.briefing().lock();
        BriefingForm form = typed == null ? BriefingForm.of(current.latest(), lock) : typed;
        // Keep what this consultant typed, and let them save it over the newer version on purpose.
        form.lock = lock;
        return Response.status(Response.Status.CONFLICT).entity(editor(id, form, Map.of(), true)).build();
    }

    private TemplateInstance editor(Long briefingId, BriefingForm form, Map<String, String> errors, boolean conflict) {
        return Templates.editor(new Editor(briefingId, form, errors, conflict, Country.choices(), Sector.choices()));
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }

}
