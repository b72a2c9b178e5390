package io.harmattan.proposal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.harmattan.HarmattanConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A proposal version as a PDF: the same version fragment the pages show, in a print layout with
 * the firm, the reference, the client, and on every page "Prepared for" with the version's hash,
 * rendered by openhtmltopdf with DejaVu Sans embedded (French accents, the narrow no-break spaces
 * of French amounts). A sent version is rendered once and kept, so it downloads as the same bytes.
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

    private volatile Path[] fonts;

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
        byte[] pdf = render(rendering.html());
        if (rendering.frozen()) {
            // The first rendering is the one kept; a concurrent first download keeps whichever came first.
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                    "INSERT IGNORE INTO proposal_pdf (version_id, rendered_at, content) VALUES (?1, ?2, ?3)")
                    .setParameter(1, rendering.versionId()).setParameter(2, Timestamp.from(Instant.now()))
                    .setParameter(3, pdf).executeUpdate());
            return QuarkusTransaction.requiringNew().call(() -> (byte[]) Panache.getEntityManager().createNativeQuery(
                    "SELECT content FROM proposal_pdf WHERE version_id = ?1").setParameter(1, rendering.versionId())
                    .getSingleResult());
        }
        return pdf;
    }

    private record Rendering(long versionId, boolean frozen, String html, byte[] stored) {
    }

    byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            Path[] files = fonts();
            builder.useFont(files[0].toFile(), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(files[1].toFile(), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            // Text from older forms (an organisation's name from the public form) may hold characters XML refuses.
            builder.withHtmlContent(DraftForm.printable(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font files, copied once out of the application's resources (openhtmltopdf reads files). */
    private Path[] fonts() {
        if (fonts == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = new Path[] {extract("fonts/DejaVuSans.ttf"), extract("fonts/DejaVuSans-Bold.ttf")};
                }
            }
        }
        return fonts;
    }

    private static Path extract(String resource) {
        try (InputStream in = ProposalPdf.class.getClassLoader().getResourceAsStream(resource)) {
            Path file = Files.createTempFile("harmattan-font-", ".ttf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
