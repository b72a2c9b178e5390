package io.harmattan.proposal;

import io.harmattan.HarmattanConfig;
import io.harmattan.web.Pdf;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A proposal version as a PDF: the same version fragment the pages show, in a print layout with
 * the firm, the reference, the client, and on every page "Prepared for" with the version's hash,
 * rendered by the shared {@link Pdf}. A sent version is rendered once and kept, so it downloads as
 * the same bytes.
 */
@ApplicationScoped
public class ProposalPdf {

    @CheckedTemplate(basePath = "ProposalPdf")
    static class Templates {
        static native TemplateInstance document(String firm, String reference, String organisation,
                ProposalViews.VersionView v, String language);
    }

    @Inject
    ProposalViews views;

    @Inject
    HarmattanConfig config;

    @Inject
    Pdf pdf;

    /** The PDF of version {@code number}: the stored one for a sent version, else rendered now. */
    public byte[] of(long proposalId, int number, String organisation) {
        Rendering rendering = QuarkusTransaction.requiringNew().call(() -> {
            Proposal proposal = Proposal.findById(proposalId);
            ProposalVersion version = ProposalVersion.of(proposalId, number).orElseThrow();
            List<?> stored = Panache.getEntityManager().createNativeQuery(
                    "SELECT content FROM proposal_pdf WHERE version_id = ?1").setParameter(1, version.id).getResultList();
            if (!stored.isEmpty()) {
                return new Rendering(version.id, version.sentAt != null, null, (byte[]) stored.get(0));
            }
            Locale locale = Locale.forLanguageTag(version.language);
            String html = Templates.document(config.firmName(), proposal.reference + " v" + version.number, organisation,
                    views.version(version, locale), version.language).setLocale(locale).render();
            return new Rendering(version.id, version.sentAt != null, html, null);
        });
        if (rendering.stored() != null) {
            return rendering.stored();
        }
        byte[] rendered = pdf.render(rendering.html());
        if (rendering.frozen()) {
            // The first rendering is the one kept; a concurrent first download keeps whichever came first.
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                    "INSERT IGNORE INTO proposal_pdf (version_id, rendered_at, content) VALUES (?1, ?2, ?3)")
                    .setParameter(1, rendering.versionId()).setParameter(2, Timestamp.from(Instant.now()))
                    .setParameter(3, rendered).executeUpdate());
            return QuarkusTransaction.requiringNew().call(() -> (byte[]) Panache.getEntityManager().createNativeQuery(
                    "SELECT content FROM proposal_pdf WHERE version_id = ?1").setParameter(1, rendering.versionId())
                    .getSingleResult());
        }
        return rendered;
    }

    private record Rendering(long versionId, boolean frozen, String html, byte[] stored) {
    }
}
