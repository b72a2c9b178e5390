package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: a consultant finds a new lead with the inbox's filters, opens it, corrects its
 * sectors, assigns it, qualifies it and converts it; the timeline shows every step.
 */
@QuarkusTest
class TriageBrowserTest {

    @Test
    void consultantTriagesALeadFromInboxToClient() {
        String tag = LeadTriageTest.word();
        long id = LeadTriageTest.submit("Adama Sanogo", tag + "@kayes-logistics.test", "Kayes Logistique " + tag,
                "Trucks between Kayes and Bamako; we also plan a small gold processing unit. " + tag, List.of("logistics"),
                List.of("ML"));
        String reference = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(id).reference);
        try (Browser consultant = Browser.open(TestStack.get().appUrl())) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.clickAndWait("a[href='/console/leads']");
            consultant.waitForPath("/console/leads");
            // The filters fold away on a phone-sized page until asked for.
            consultant.find(".more-filters summary").click();
            new Select(consultant.find("#country")).selectByValue("ML");
            new Select(consultant.find("#sector")).selectByValue("logistics");
            consultant.find("#q").sendKeys(tag);
            consultant.clickAndWait("#apply");
            assertThat(consultant.driver.findElements(org.openqa.selenium.By.cssSelector("#leads tbody tr"))).hasSize(1);
            consultant.clickAndWait("#leads a[href='/console/leads/" + id + "']");
            assertThat(consultant.text("#lead-title")).startsWith(reference);
            // The text revealed mining; the consultant keeps logistics and mining, nothing else.
            assertThat(consultant.find("#analysis [data-sector='mining']").getText()).contains("gold");

            for (String sector : List.of("logistics", "mining")) {
                var box = consultant.find("#tags-form input[name='sectors'][value='" + sector + "']");
                if (!box.isSelected()) {
                    box.click();
                }
            }
            consultant.clickAndWait("#save-tags");
            assertThat(consultant.text(".flash")).contains("Sectors and countries saved.");
            assertThat(consultant.find("#tags-reviewed").getText()).contains("demo-consultant");

            new Select(consultant.find("#assignee")).selectByValue("demo-consultant");
            consultant.clickAndWait("#assign");
            assertThat(consultant.text(".flash")).contains("Lead assigned.");
            assertThat(consultant.text("#clock")).startsWith("Answered in");

            consultant.clickAndWait("#qualify");
            assertThat(consultant.text("#status")).isEqualTo("Qualified");
            consultant.clickAndWait("#convert");
            assertThat(consultant.text("#status")).isEqualTo("Converted");
            assertThat(consultant.text("#organisation-created")).contains("Kayes Logistique " + tag);

            String timeline = consultant.text("#timeline");
            assertThat(timeline).contains("Request received through the web-to-lead API", "Sectors and countries corrected",
                    "Assigned to demo-consultant", "Status changed to Qualified", "Converted: client organisation Kayes Logistique");
            assertThat(timeline.indexOf("Sectors and countries corrected")).isLessThan(timeline.indexOf("Assigned to"));
            assertThat(timeline.indexOf("Assigned to")).isLessThan(timeline.indexOf("Status changed to Qualified"));
        }
        Lead converted = QuarkusTransaction.requiringNew().call(() -> {
            Lead l = Lead.findById(id);
            l.reviewedSectors.size();
            return l;
        });
        assertThat(converted.reviewedSectors).containsExactlyInAnyOrder("logistics", "mining");
        assertThat(converted.clientOrganisationId).isNotNull();
    }
}
