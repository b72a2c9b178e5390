package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.proposal.ProposalWorkflowTest;
import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page of the console, the portal, the administration and the public site, on a 360 px
 * phone in French (the longer language): nothing is wider than the screen, so nobody scrolls
 * sideways. A wide table may scroll inside its own box.
 */
@QuarkusTest
class PhoneWidthBrowserTest {

    /** What sticks out past the screen's right edge, or empty; a table's own scrolling box does not count. */
    private static final String OVERFLOW = """
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) { return []; }
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .filter(e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { return false; }
                    }
                    return true;
                })
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
            """;

    /** The first link on the page whose address matches. */
    private static final String FIRST_LINK = """
            const found = Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
                .find(h => new RegExp(arguments[0]).test(h));
            return found || null;
            """;

    private static void assertFits(Browser browser, List<String> pages) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        for (String page : pages) {
            browser.go(page);
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) js.executeScript(OVERFLOW);
            Object scroll = js.executeScript("return document.documentElement.scrollWidth");
            Object culprits = js.executeScript("""
                    const width = document.documentElement.clientWidth;
                    return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > width + 1
                            || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0))
                        .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className
                            + ':' + Math.round(e.getBoundingClientRect().right));
                    """);
            assertThat(js.executeScript("return document.documentElement.clientWidth")).as("the screen").isEqualTo(360L);
            assertThat(wide).as(page + " at 360 px (page width " + scroll + ")").isEmpty();
            assertThat((Long) scroll).as(page + " page width; past the edge: " + culprits).isLessThanOrEqualTo(360L);
        }
    }

    private static String firstLink(Browser browser, String page, String pattern) {
        browser.go(page);
        Object href = ((JavascriptExecutor) browser.driver).executeScript(FIRST_LINK, pattern);
        assertThat(href).as("a link matching " + pattern + " on " + page).isNotNull();
        return (String) href;
    }

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        String app = TestStack.get().appUrl();
        long proposal = ProposalWorkflowTest.aSentProposal();
        try (Browser anonymous = Browser.open(app, "fr", 360)) {
            assertFits(anonymous, List.of("/", "/interest", "/privacy", "/legal", "/unsubscribe?t=cut", "/unsubscribe/done",
                    "/unsubscribe/briefings?t=cut", "/unsubscribe/briefings/done"));
        }
        try (Browser lead = Browser.open(app, "fr", 360)) {
            lead.signIn("demo-lead", "demo");
            List<String> pages = new ArrayList<>(List.of("/console", "/console/leads", "/console/leads?status=all",
                    "/console/leads/quarantine", "/console/briefings", "/console/briefings?q=mali", "/console/briefings/new",
                    "/console/briefings/3", "/console/briefings/3/edit", "/console/briefings/3/compare?from=1&to=2",
                    "/console/briefings/3/versions/2", "/console/match", "/console/proposals", "/console/clients", "/console/tasks", "/console/leads/reasons", "/console/briefings/12",
                    "/console/reports", "/console/reports/leads?from=2019-03-04&to=2019-03-17", "/console/reports/response",
                    "/console/reports/proposals?from=2019-03-04&to=2019-03-17", "/console/reports/readership", "/console/privacy"));
            pages.add(firstLink(lead, "/console/leads?status=all", "^/console/leads/\\d+$"));
            pages.add("/console/proposals/" + proposal);
            pages.add(firstLink(lead, "/console/clients", "^/console/clients/\\d+$"));
            assertFits(lead, pages);
        }
        try (Browser client = Browser.open(app, "fr", 360)) {
            client.signIn("demo-client", "demo");
            List<String> pages = new ArrayList<>(List.of("/portal", "/portal/briefings", "/portal/briefings?q=or",
                    "/portal/briefings/2", "/portal/proposals", "/portal/settings"));
            pages.add("/portal/proposals/" + proposal);
            assertFits(client, pages);
        }
        try (Browser admin = Browser.open(app, "fr", 360)) {
            admin.signIn("demo-admin", "demo");
            assertFits(admin, List.of("/admin", "/admin/audit", "/admin/staff"));
        }
    }
}
