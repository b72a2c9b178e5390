package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Browser;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The console on a desktop's screen (1280 and 1440 px, English and French): the inbox shows one
 * compact row per lead, its reference, arrival and first-response clock each on one line and never
 * cut, with no sideways scrolling; a lead's page reads as a record, what was sent on one side and
 * what to do about it beside it.
 */
@QuarkusTest
class DesktopWidthBrowserTest {

    /** Cells of the inbox that must read on one line, whose text wraps onto a second or is cut off. */
    private static final String WRAPPED_CELLS = """
            return Array.from(document.querySelectorAll('#leads td.ref, #leads td.status, #leads td.when, #leads td.clock'))
                .filter(td => {
                    // The text's own box (the cell itself stretches to the row's height).
                    const text = document.createRange();
                    text.selectNodeContents(td);
                    const lines = text.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight);
                    return lines > 1.5 || td.scrollWidth > td.clientWidth + 1;
                })
                .slice(0, 5).map(td => td.className + ': ' + td.innerText);
            """;

    private static void inboxIsCompact(Browser browser, String page) {
        browser.go(page);
        assertThat(browser.find("#leads tbody tr")).as("a lead to show on " + page).isNotNull();
        assertThat(browser.stickingOut()).as(page).isEmpty();
        Object columns = ((JavascriptExecutor) browser.driver).executeScript("return Array.from(document.querySelectorAll("
                + "'#leads thead th')).map(th => th.innerText + '=' + Math.round(th.getBoundingClientRect().width)).join(', ')");
        Browser.fullPage(browser.driver, "desktop-inbox-" + browser.find("html").getAttribute("lang") + "-" + browser.width() + ".png");
        assertThat(browser.scrollingBoxes()).as(page + ": the table fits its column (" + columns + ")").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> wrapped = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(WRAPPED_CELLS);
        assertThat(wrapped).as(page + ": one line each, never cut").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> box(Browser browser, String selector) {
        return (Map<String, Long>) ((JavascriptExecutor) browser.driver).executeScript("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return {left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom)};
                """, selector);
    }

    @Test
    void theInboxIsOneCompactRowPerLeadAndALeadPageIsARecord() {
        String app = TestStack.get().appUrl();
        // A name and an organisation written as one long word, as some are: they wrap in their cell.
        Submissions.byApi("long." + System.nanoTime() + "@example.test", "name", "Aïssata Ouédraogo-Kaboré-Sawadogo-Zongo",
                "organisation", "SOCIETEBURKINABEDEXPLOITATIONMINIEREETDELOGISTIQUEINTERNATIONALE");
        for (String language : List.of("en", "fr")) {
            try (Browser lead = Browser.open(app, language, 1280)) {
                lead.signIn("demo-lead", "demo");
                for (int width : List.of(1280, 1440)) {
                    lead.resize(width);
                    // Newest first, and the longest waits first (the longest clock texts: breached, hundreds of hours).
                    inboxIsCompact(lead, "/console/leads?status=all");
                    assertThat(lead.text("#leads")).as("the long-named lead is on the page checked").contains("SOCIETEBURKINABE");
                    inboxIsCompact(lead, "/console/leads?sort=waiting");

                    WebElement first = lead.find("#leads tbody tr td.ref a");
                    lead.go(first.getAttribute("href").replace(app, ""));
                    Map<String, Long> main = box(lead, ".record-main");
                    Map<String, Long> side = box(lead, ".record-side");
                    String where = language + " at " + width + " px: details " + main + ", actions " + side;
                    assertThat(side.get("left")).as("the actions beside the details, " + where).isGreaterThanOrEqualTo(main.get("right"));
                    assertThat(side.get("top")).as("side by side, " + where).isLessThan(main.get("bottom"));
                    assertThat(lead.stickingOut()).as(where).isEmpty();
                    lead.openEverySection();
                    assertThat(lead.stickingOut()).as(where + ", every section open").isEmpty();
                    if (width == 1280) {
                        Browser.fullPage(lead.driver, "desktop-lead-" + language + "-1280.png");
                    }
                }
            }
        }
    }
}
