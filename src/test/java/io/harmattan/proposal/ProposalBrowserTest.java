package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.testing.Browser;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium, against the real Keycloak: a consultant drafts a proposal from a returning
 * client's lead; a second lead consultant requests changes, then approves and sends it;
 * demo-client opens it, downloads its PDF and accepts. Each mail arrives once, in its reader's
 * language, and the lead is converted into the client's organisation.
 */
@QuarkusTest
class ProposalBrowserTest {

    @Inject
    EntityManager entityManager;

    @Test
    void fromALeadToAnAcceptedProposal() throws Exception {
        String appUrl = TestStack.get().appUrl();
        long leadId = Submissions.idOf(Submissions.byApi("demo-client@sahel-gold.test", "name", "Claire Dubois",
                "organisation", "Sahel Gold Resources", "sectors", List.of("mining"), "countries", List.of("ML"),
                "services", List.of("risk-assessment", "travel-security"),
                "needs", "Road risk between Kayes and Sadiola, and travel security for two engineers."));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE lead SET status = 'qualified' WHERE id = ?1").setParameter(1, leadId).executeUpdate());

        try (Browser consultant = Browser.open(appUrl); Browser reviewer = Browser.open(appUrl);
                Browser client = Browser.open(appUrl)) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.go("/console/leads/" + leadId);
            consultant.clickAndWait("#start-proposal");
            assertThat(consultant.currentPath()).endsWith("/edit");
            long id = Long.parseLong(consultant.currentPath().replaceAll(".*/proposals/(\\d+)/edit", "$1"));
            assertThat(consultant.text("#needs")).contains("Kayes and Sadiola");
            new Select(consultant.find("#currency")).selectByValue("XOF");
            consultant.find("#price-0").sendKeys("500000");
            consultant.find("#price-1").sendKeys("250000");
            consultant.clickAndWait("#save");
            consultant.clickAndWait("#submit");
            assertThat(consultant.text("#proposal-state")).contains("In review");

            reviewer.signIn("demo-lead2", "demo").waitForPath("/console");
            reviewer.go("/console/proposals/" + id);
            reviewer.find("#comment").sendKeys("Two engineers means two trips.");
            reviewer.clickAndWait("#request-changes");

            consultant.go("/console/proposals/" + id);
            assertThat(consultant.text("#review-comment")).contains("two trips");
            consultant.clickAndWait("#edit");
            consultant.find("#quantity-1").clear();
            consultant.find("#quantity-1").sendKeys("2");
            new Select(consultant.find("#unit-1")).selectByValue("trip");
            consultant.clickAndWait("#save");
            consultant.clickAndWait("#submit");

            reviewer.go("/console/proposals/" + id);
            reviewer.clickAndWait("#approve");
            reviewer.clickAndWait("#send");
            assertThat(reviewer.text("#proposal-state")).contains("Sent");
            // 500 000 + 2 x 250 000 = 1 000 000 FCFA, no discount or VAT.
            assertThat(reviewer.text("#total").replace('\u00A0', ' ')).isEqualTo("1,000,000 FCFA");

            client.signIn("demo-client", "demo").waitForPath("/portal");
            client.clickAndWait("#proposals-link");
            client.clickAndWait("#proposals li[data-id='" + id + "'] a");
            String reference = QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).reference);
            byte[] pdf = download(client, appUrl + "/portal/proposals/" + id + "/pdf");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains(reference + " v1")
                        .contains("Sahel Gold Resources").contains("1,000,000");
            }
            client.find("#fullName").sendKeys("Claire Dubois");
            client.find("#authorised").click();
            client.clickAndWait("#accept");
            assertThat(client.text("#flash")).contains("acceptance is recorded");
            assertThat(client.text("#acceptance")).contains("Claire Dubois");

            Lead lead = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(leadId));
            assertThat(lead.status).isEqualTo(LeadStatus.CONVERTED);
            assertThat(lead.clientOrganisationId).isEqualTo(1L);
            consultant.go("/console/leads/" + leadId);
            assertThat(consultant.text("#lead-proposals")).contains(reference);
            assertThat(consultant.pageText()).contains("Proposal " + reference + " v1 sent")
                    .contains("Proposal " + reference + " v1 accepted");

            // Each expected mail exactly once, in its reader's language.
            assertThat(once("demo-client@sahel-gold.test", reference)).contains("a proposal for you");
            assertThat(once("amadou.diarra@sahel-gold.test", reference)).contains("une proposition pour vous");
            for (String consultantMail : List.of("demo-consultant@harmattan.test", "demo-lead2@harmattan.test")) {
                List<String> subjects = Eventually.until(() -> subjects(consultantMail, reference), s -> s.size() >= 2);
                assertThat(subjects).containsExactlyInAnyOrder(reference + ": Viewed", reference + ": Accepted");
            }
        }
    }

    private static String once(String address, String reference) throws InterruptedException {
        List<String> subjects = Eventually.until(() -> subjects(address, reference), s -> !s.isEmpty());
        assertThat(subjects).as(address).hasSize(1);
        return subjects.get(0);
    }

    private static List<String> subjects(String address, String reference) {
        return Mailbox.to(address).stream().map(ProposalBrowserTest::subject).filter(s -> s.contains(reference)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** What the signed-in browser would download, fetched with its cookies. */
    private static byte[] download(Browser browser, String url) throws Exception {
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
