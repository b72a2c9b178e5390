package io.harmattan.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The PDF machinery that proposals and briefings share: an XHTML page rendered by openhtmltopdf
 * with DejaVu Sans embedded (French accents, the narrow no-break spaces of French typography), so
 * that a document looks the same on every reader's machine.
 */
@ApplicationScoped
public class Pdf {

    private volatile Path[] fonts;

    /** The PDF of a well-formed XHTML page, its text first made {@link #printable}. */
    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            Path[] files = fonts();
            builder.useFont(files[0].toFile(), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(files[1].toFile(), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            // Text from older forms (an organisation's name from the public form) may hold characters XML refuses.
            builder.withHtmlContent(printable(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text without the control characters that XML (and so the PDF) cannot hold, such as the
     * vertical tab a word processor pastes as a line break; that one becomes a newline.
     */
    public static String printable(String text) {
        return text.replace('\u000B', '\n').replaceAll("[\\x00-\\x08\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                .replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "");
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
        try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(resource)) {
            Path file = Files.createTempFile("harmattan-font-", ".ttf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
