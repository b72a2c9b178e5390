package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.testing.Browser;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.MailText;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: a consultant finds a new lead with the inbox's filters, opens it, corrects its
 * sectors, assigns it, qualifies it and converts it; the timeline shows every step. Another replies
 * to a prospect from a template and logs a call; the first reply stops the clock.
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
            assertThat(consultant.text("#clock")).as("an assignment is no answer").doesNotStartWith("Answered in");

            consultant.clickAndWait("#qualify");
            assertThat(consultant.text("#status")).isEqualTo("Qualified");
            consultant.clickAndWait("#convert");
            assertThat(consultant.text("#status")).isEqualTo("Converted");
            assertThat(consultant.text("#organisation-created")).contains("Kayes Logistique " + tag);

            String timeline = consultant.text("#timeline");
            assertThat(timeline).contains("Request received through the web-to-lead API", "Sectors and countries corrected",
                    "Assigned to Aminata Ouedraogo", "Status changed to Qualified", "Converted: client organisation Kayes Logistique");
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

    @Test
    void consultantRepliesFromATemplateThenLogsACallAndTheFirstReplyStopsTheClock() throws Exception {
        String tag = LeadTriageTest.word();
        String email = tag + "@gao-transit.test";
        long id = LeadTriageTest.submit("Hawa Maïga", email, "Gao Transit " + tag,
                "Convoys between Gao and Niamey; we need a route assessment. " + tag, List.of("logistics"), List.of("ML", "NE"));
        try (Browser consultant = Browser.open(TestStack.get().appUrl())) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.go("/console/leads/" + id);
            assertThat(consultant.text("#clock")).startsWith("Waiting");
            assertThat(consultant.find("#body").getAttribute("value")).startsWith("Dear Hawa Maïga,");

            consultant.find("#reply-details summary").click();
            consultant.clickAndWait("#reply-templates a[data-template='details']");
            assertThat(consultant.find("#body").getAttribute("value")).contains("understand a little more");
            var subject = consultant.find("#subject");
            subject.clear();
            subject.sendKeys("Your convoys " + tag);
            consultant.find("#body").sendKeys("\nP.S. Which border post do you use?");
            consultant.clickAndWait("#send-reply");
            assertThat(consultant.text(".flash")).contains("Email on its way to the prospect");
            assertThat(consultant.text("#clock")).startsWith("Answered in");
            assertThat(consultant.text("#timeline")).contains("Email sent to the prospect: Your convoys " + tag);

            // The call form folds away until asked for.
            consultant.find("#contact-details summary").click();
            consultant.find("#kind option[value='call']").click();
            consultant.find("#minutes").clear();
            consultant.find("#minutes").sendKeys("20");
            consultant.find("#outcome").sendKeys("Called back: two trucks a week, wants a quote " + tag);
            consultant.clickAndWait("#log-contact");
            assertThat(consultant.text(".flash")).contains("Logged on the timeline.");
            assertThat(consultant.text("#timeline")).contains("Call, 20 min: Called back: two trucks a week");
            consultant.find("#task-title").sendKeys("Send the route assessment offer");
            consultant.clickAndWait("#add-task");
            assertThat(consultant.text("#task-list")).contains("Send the route assessment offer");
            // What the README shows of a lead's page at a desktop's width (docs/screenshots/lead-page-1280.png).
            Browser.fullPage(consultant.driver, "lead-page-1280.png");
        }
        var mail = Eventually.until(() -> Mailbox.to(email).stream().filter(m -> MailText.of(m).contains("border post"))
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(mail).isNotNull();
        assertThat(mail.getSubject()).isEqualTo("Your convoys " + tag);
        assertThat(MailText.of(mail)).contains("Dear Hawa Maïga,", "Which border post do you use?");
    }

    @Test
    void consultantAssignsThreeLeadsAtOnceFromTheInbox() {
        String tag = LeadTriageTest.word();
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : List.of("Adama Ouattara", "Mariam Sidibé", "Seydou Kaboré")) {
            ids.add(LeadTriageTest.submit(name, LeadTriageTest.word() + "@bulk-browser.test", "Sahel Routes " + tag,
                    "Convoy security near Dori " + tag, List.of("logistics"), List.of("BF")));
        }
        try (Browser consultant = Browser.open(TestStack.get().appUrl(), "en", 1280)) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.go("/console/leads?q=" + tag);
            for (long id : ids) {
                consultant.find("#leads tr[data-id='" + id + "'] input[name='leads']").click();
            }
            new Select(consultant.find("#bulk-action")).selectByValue("assign");
            new Select(consultant.find("#assign-to")).selectByValue("demo-lead");
            Browser.screenshot(consultant.driver, "inbox-bulk-1280");
            consultant.clickAndWait("#bulk-apply");
            assertThat(consultant.text(".flash")).contains("Done for every selected lead.");
            assertThat(consultant.currentPath()).isEqualTo("/console/leads");
            for (long id : ids) {
                assertThat(consultant.text("#leads tr[data-id='" + id + "']")).contains("Moussa Keita");
            }
        }
        for (long id : ids) {
            assertThat(LeadTriageTest.load(id).assignee).isEqualTo("demo-lead");
        }
    }
}
