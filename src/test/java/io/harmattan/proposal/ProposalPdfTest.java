package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proposal as a PDF, read back with the PDFBox that openhtmltopdf brings. */
@QuarkusTest
class ProposalPdfTest {

    @BeforeAll
    static void signIn() throws Exception {
        ProposalWorkflowTest.signIn();
    }

    @Test
    void theClientsPdfHoldsTheReferenceOrganisationAndTotalAndIsTheSameBytesEachTime() throws Exception {
        long id = ProposalWorkflowTest.sent();
        Response first = ProposalWorkflowTest.client.get("/portal/proposals/" + id + "/pdf");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/pdf");
        byte[] pdf = first.asByteArray();
        String reference = QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).reference);
        String hash = QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 1).orElseThrow().contentHash);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(reference + " v1").contains("Sahel Gold Resources").contains("€2,000.00")
                    .contains("Prepared for Sahel Gold Resources").contains(hash.substring(0, 16));
        }
        assertThat(ProposalWorkflowTest.colleague.get("/portal/proposals/" + id + "/pdf").asByteArray()).isEqualTo(pdf);
        assertThat(ProposalWorkflowTest.consultant.get("/console/proposals/" + id + "/pdf?version=1").asByteArray())
                .isEqualTo(pdf);
    }

    @Test
    void anotherOrganisationsPeopleGetA404ForThePdf() throws Exception {
        long id = ProposalWorkflowTest.sent();
        var other = io.harmattan.testing.FormSession.signIn("/portal", "demo-client2");
        assertThat(other.get("/portal/proposals/" + id + "/pdf").statusCode()).isEqualTo(404);
    }
}
