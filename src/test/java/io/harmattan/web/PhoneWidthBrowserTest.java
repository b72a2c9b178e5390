package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.proposal.ProposalWorkflowTest;
import io.harmattan.security.UnsubscribeLinks;
import io.harmattan.testing.Browser;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page of the console, the portal, the administration and the public site, on a 360 px
 * phone in French (the longer language), with every closed section opened: nothing is wider than
 * the screen, so nobody scrolls sideways. A wide table may scroll inside its own box, except on the
 * pages a consultant works from on a phone (the inbox and the lead page), which stay one column.
 * On the way, a console form and a portal form posted without their CSRF cookie come back as the
 * page that says so, in French, with what was typed.
 */
@QuarkusTest
class PhoneWidthBrowserTest {

    /** The inbox and a lead's page: one column on a phone, no box scrolling sideways either. */
    private static final Set<String> ONE_COLUMN = Set.of("/console/leads", "/console/leads?status=all",
            "/console/leads/quarantine", "lead page");

    /** The first link on the page whose address matches. */
    private static final String FIRST_LINK = """
            const found = Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
                .find(h => new RegExp(arguments[0]).test(h));
            return found || null;
            """;

    @Inject
    HarmattanConfig config;

    private static void assertFits(Browser browser, List<String> pages) {
        for (String page : pages) {
            browser.go(page);
            assertFitsHere(browser, page);
        }
    }

    /** The page the browser is on fits the phone's screen, closed sections opened too. */
    private static void assertFitsHere(Browser browser, String page) {
        assertThat(browser.width()).as("the screen").isEqualTo(360L);
        assertThat(browser.stickingOut()).as(page + " at 360 px").isEmpty();
        browser.openEverySection();
        assertThat(browser.stickingOut()).as(page + " at 360 px, every section open").isEmpty();
        if (ONE_COLUMN.contains(page)) {
            assertThat(browser.scrollingBoxes()).as(page + ": nothing scrolls sideways, not even inside a box").isEmpty();
            Browser.fullPage(browser.driver, "phone-" + page.replaceAll("[^a-z]+", "-") + ".png");
        }
    }

    private static String firstLink(Browser browser, String page, String pattern) {
        browser.go(page);
        Object href = ((JavascriptExecutor) browser.driver).executeScript(FIRST_LINK, pattern);
        assertThat(href).as("a link matching " + pattern + " on " + page).isNotNull();
        return (String) href;
    }

    /** Submits a form after its CSRF cookie is gone (a form left open for a day): the page that explains, in French. */
    private static void postedWithoutItsCookie(Browser browser, String submit, String typed) {
        browser.driver.manage().deleteCookieNamed("csrf-token");
        browser.clickAndWait(submit);
        assertThat(browser.text("h1")).isEqualTo("Ce formulaire n’a pas pu être vérifié");
        if (typed != null) {
            assertThat(browser.text("#typed")).contains(typed);
        }
        assertFitsHere(browser, "refused " + submit);
    }

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        String app = TestStack.get().appUrl();
        long proposal = ProposalWorkflowTest.aSentProposal();
        long draft = ProposalWorkflowTest.aDraftProposal();
        long person = QuarkusTransaction.requiringNew().call(() -> ClientUser.<ClientUser>findAll().firstResult().id);
        // A request sent twice from one address (the second lists the first as similar), with an organisation written
        // as one long word: the newest leads, at the top of the inbox.
        String email = "twice." + System.nanoTime() + "@example.test";
        Submissions.byApi(email, "organisation", "SOCIETEBURKINABEDEXPLOITATIONMINIEREETDELOGISTIQUEINTERNATIONALE");
        long repeat = Submissions.idOf(Submissions.byApi(email, "organisation", "Société minière du Liptako"));
        String prospectStop = UnsubscribeLinks.prospects(config.formSecret()).token("someone@example.test");
        String clientStop = UnsubscribeLinks.clientPeople(config.formSecret()).token(person);
        try (Browser anonymous = Browser.open(app, "fr", 360)) {
            assertFits(anonymous, List.of("/", "/interest", "/privacy", "/legal", "/unsubscribe?t=cut", "/unsubscribe/done",
                    "/unsubscribe/briefings?t=cut", "/unsubscribe/briefings/done", "/unsubscribe?t=" + prospectStop,
                    "/unsubscribe/briefings?t=" + clientStop, "/no-such-page"));
        }
        try (Browser lead = Browser.open(app, "fr", 360)) {
            lead.signIn("demo-lead", "demo");
            List<String> pages = new ArrayList<>(List.of("/console", "/console/leads", "/console/leads?status=all",
                    "/console/leads/quarantine", "/console/briefings", "/console/briefings?q=mali", "/console/briefings/new",
                    "/console/briefings/3", "/console/briefings/3/edit", "/console/briefings/3/compare?from=1&to=2",
                    "/console/briefings/3/versions/2", "/console/match", "/console/proposals", "/console/clients",
                    "/console/tasks", "/console/leads/reasons", "/console/briefings/12", "/console/reports",
                    "/console/reports/leads?from=2019-03-04&to=2019-03-17", "/console/reports/response",
                    "/console/reports/funnel", "/console/reports/proposals?from=2019-03-04&to=2019-03-17",
                    "/console/reports/readership", "/console/privacy", "/console/leads/999999999"));
            pages.add("/console/proposals/" + proposal);
            pages.add("/console/proposals/" + draft + "/edit");
            pages.add(firstLink(lead, "/console/clients", "^/console/clients/\\d+$"));
            assertFits(lead, pages);
            // Each lead a card, its cells named as the desktop's header names them.
            lead.go("/console/leads");
            assertThat(lead.text("#leads")).contains("SOCIETEBURKINABE");
            assertThat(lead.find("#leads tbody tr td.when .cell-label").getText()).startsWith("Reçue le ").endsWith("(UTC)");
            assertThat(lead.find("#leads thead").getRect().getHeight()).as("the header hidden but kept").isLessThanOrEqualTo(1);

            // The repeated request's page lists the first as similar.
            lead.go("/console/leads/" + repeat);
            assertThat(lead.find("#similar-leads tbody tr")).isNotNull();
            assertFitsHere(lead, "lead page");
            lead.find("#note-form textarea[name='text']").sendKeys("Rappeler jeudi, après la réunion à Dori.");
            postedWithoutItsCookie(lead, "#add-note", "Rappeler jeudi, après la réunion à Dori.");
            lead.clickAndWait("#back");
            assertThat(lead.currentPath()).startsWith("/console/leads/");
        }
        try (Browser client = Browser.open(app, "fr", 360)) {
            client.signIn("demo-client", "demo");
            List<String> pages = new ArrayList<>(List.of("/portal", "/portal/briefings", "/portal/briefings?q=or",
                    "/portal/briefings/2", "/portal/proposals", "/portal/settings"));
            pages.add("/portal/proposals/" + proposal);
            assertFits(client, pages);
            client.go("/portal/settings");
            postedWithoutItsCookie(client, "#save-settings", null);
        }
        try (Browser admin = Browser.open(app, "fr", 360)) {
            admin.signIn("demo-admin", "demo");
            assertFits(admin, List.of("/admin", "/admin/audit", "/admin/staff"));
        }
    }
}
