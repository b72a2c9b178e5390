package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: a consultant writes a briefing, publishes it, writes and publishes version 2;
 * the client then finds it in "My briefings" and reads version 2; the consultant sees the read.
 */
@QuarkusTest
class BriefingBrowserTest {

    @Test
    void consultantPublishesTwoVersionsAndTheClientReadsTheSecond() {
        String title = "Mali: solar sites in Ségou " + System.nanoTime();
        String appUrl = TestStack.get().appUrl();
        String briefingPath;
        try (Browser consultant = Browser.open(appUrl)) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.clickAndWait("a[href='/console/briefings']");
            consultant.waitForPath("/console/briefings");
            consultant.clickAndWait("#new-briefing");
            consultant.find("#titleEn").sendKeys(title);
            consultant.find("#summaryEn").sendKeys("Two plants are late; fuel stays the backup.");
            consultant.find("#bodyEn").sendKeys("## Sites\n\n- **Ségou** plant: delayed\n- Kita plant: on track");
            consultant.find("#titleFr").sendKeys("Mali : sites solaires à Ségou");
            consultant.find("#summaryFr").sendKeys("Deux centrales en retard.");
            consultant.find("#bodyFr").sendKeys("## Sites\n\nCentrale de **Ségou** : en retard.");
            consultant.find("input[name='countries'][value='ML']").click();
            consultant.find("input[name='sectors'][value='energy']").click();
            // A new briefing has no ratings chosen and starts at TLP:AMBER: the author must weigh each one.
            assertThat(new Select(consultant.find("#tlp")).getFirstSelectedOption().getAttribute("value")).isEqualTo("AMBER");
            consultant.clickAndWait("#save");
            assertThat(consultant.text("#securityRisk-error")).contains("Choose a rating from 1 to 5.");
            assertThat(consultant.find("#titleEn").getAttribute("value")).isEqualTo(title);
            for (String rating : new String[] {"securityRisk", "politicalRisk", "operationalRisk"}) {
                new Select(consultant.find("#" + rating)).selectByValue("3");
            }
            consultant.clickAndWait("#save");
            assertThat(consultant.text(".flash")).contains("Briefing saved as a draft.");
            briefingPath = consultant.currentPath();

            consultant.clickAndWait("#publish");
            assertThat(consultant.text(".flash")).contains("Briefing published");
            assertThat(consultant.text("#status")).isEqualTo("published");

            consultant.clickAndWait("#edit");
            consultant.find("#bodyEn").sendKeys("\n- Update: the Ségou plant now runs at half capacity");
            consultant.clickAndWait("#save");
            assertThat(consultant.text("#draft")).isEqualTo("draft: version 2");
            consultant.clickAndWait("#publish");
            assertThat(consultant.text(".flash")).contains("Briefing published");

            consultant.clickAndWait("#compare");
            assertThat(consultant.text("#changes")).contains("+ - Update: the Ségou plant now runs at half capacity");
        }

        String id = briefingPath.substring(briefingPath.lastIndexOf('/') + 1);
        try (Browser client = Browser.open(appUrl)) {
            client.signIn("demo-client", "demo").waitForPath("/portal");
            client.clickAndWait("a[href='/portal/briefings']");
            client.waitForPath("/portal/briefings");
            // Newest first: the briefing just published heads the list.
            assertThat(client.find("#briefings li").getAttribute("data-id")).isEqualTo(id);
            client.clickAndWait("#briefings li h2 a");
            client.waitForPath("/portal/briefings/" + id);
            assertThat(client.text("h1")).isEqualTo(title);
            assertThat(client.text("#briefing-body")).contains("the Ségou plant now runs at half capacity");
            assertThat(client.pageText()).contains("version 2", "Energy × Mali");

            client.clickAndWait("#language-switch");
            assertThat(client.text("h1")).isEqualTo("Mali : sites solaires à Ségou");

            // Briefing 2 is rated 4, 5 and 4: a 4 and a 5 differ in colour, and each says its number and word.
            client.go("/portal/briefings/2");
            WebElement high = client.find("dd.rating.r4");
            WebElement critical = client.find("dd.rating.r5");
            assertThat(high.getText()).isEqualTo("4/5 élevé");
            assertThat(critical.getText()).isEqualTo("5/5 critique");
            assertThat(high.getCssValue("background-color")).isNotEqualTo(critical.getCssValue("background-color"));
            assertThat(high.getCssValue("color")).isNotEqualTo(critical.getCssValue("color"));
        }

        try (Browser consultant = Browser.open(appUrl)) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.go(briefingPath);
            assertThat(consultant.text("#readers")).contains("demo-client", "Sahel Gold Resources", "v2");
        }
    }
}
