package io.harmattan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A prospect on a phone fills in the form in Chromium, makes a mistake, fixes it and sends it. */
@QuarkusTest
class InterestFormBrowserTest {

    /** Fills the form as a person would (country left out when null), ticks consent, and takes a few seconds. */
    private static void fillIn(Browser browser, String name, String email, String organisation, String sector, String country,
            String service, String timeframe, String needs) throws InterruptedException {
        browser.find("#name").sendKeys(name);
        browser.find("#email").sendKeys(email);
        browser.find("#organisation").sendKeys(organisation);
        browser.find("#jobTitle").sendKeys("Directeur sûreté");
        browser.find("input[name='sectors'][value='" + sector + "']").click();
        if (country != null) {
            browser.find("input[name='countries'][value='" + country + "']").click();
        }
        browser.find("input[name='services'][value='" + service + "']").click();
        new Select(browser.find("#timeframe")).selectByValue(timeframe);
        browser.find("#needs").sendKeys(needs);
        browser.find("#consent").click();
        // A person takes a few seconds; faster than that counts as a robot.
        Thread.sleep(3200);
    }

    @ParameterizedTest
    @CsvSource({
            "en, Request for interest, Please tick at least one country., 'Thank you, your request is with us'",
            "fr, Demande d’intérêt, Merci de cocher au moins un pays., 'Merci, votre demande nous est parvenue'"})
    void aPersonSendsTheFormAndSeesTheReference(String language, String title, String countryError, String thanks)
            throws InterruptedException {
        String email = "prospect+" + UUID.randomUUID() + "@example.test";
        try (Browser browser = Browser.open(TestStack.get().appUrl(), language, 360)) {
            browser.go("/");
            browser.clickAndWait("a[href='/interest']");
            assertThat(browser.find("h1").getText()).isEqualTo(title);

            // No country ticked: the first send comes back with that error.
            fillIn(browser, "Amadou Traoré", email, "Société Minière du Liptako", "mining", null, "site-security-audit",
                    "6-months", "Audit de sûreté du site près de Essakane, convois vers Dori.");
            browser.clickAndWait("#send");

            assertThat(browser.text("#countries-error")).isEqualTo(countryError);
            // A group's error looks like a field's: the danger colour, and a thick bar on the left of the group.
            assertThat(browser.find("#countries-error").getCssValue("color")).isEqualTo("rgba(164, 22, 26, 1)");
            assertThat(browser.find("#countries-group.has-error").getCssValue("border-left-color")).isEqualTo("rgba(164, 22, 26, 1)");
            assertThat(browser.find("#countries-group.has-error").getCssValue("border-left-width")).isEqualTo("4px");
            // The error summary has the focus and links each error to its field.
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("form-errors");
            browser.find("#form-errors a[href='#countries']").click();
            assertThat(browser.driver.switchTo().activeElement().getAttribute("name")).isEqualTo("countries");
            assertThat(browser.find("#email").getAttribute("value")).isEqualTo(email);
            assertThat(browser.find("input[name='sectors'][value='mining']").isSelected()).isTrue();
            assertThat(browser.find("#needs").getAttribute("value")).contains("Essakane");
            assertThat(browser.find("#consent").isSelected()).isTrue();

            browser.find("input[name='countries'][value='BF']").click();
            browser.clickAndWait("#send");
            browser.waitForPath("/interest/received");
            assertThat(browser.find("h1").getText()).isEqualTo(thanks);
            String reference = browser.text("#reference");
            assertThat(reference).matches("RFI-\\d{4}-\\d{5,}");
            assertThat(browser.driver.findElements(By.cssSelector(".error"))).isEmpty();
            assertThat(browser.stickingOut()).as("the confirmation, with what was sent, on a 360 px phone").isEmpty();

            Lead lead = QuarkusTransaction.requiringNew().call(() -> {
                Lead stored = Lead.byReference(reference).orElseThrow();
                stored.countries.size();
                return stored;
            });
            assertThat(lead.email).isEqualTo(email);
            assertThat(lead.name).isEqualTo("Amadou Traoré");
            assertThat(lead.countries).containsExactly("BF");
            assertThat(lead.status).isEqualTo(LeadStatus.NEW);
            assertThat(lead.language).isEqualTo(language);
            assertThat(lead.consentLanguage).isEqualTo(language);
        }
    }

    /**
     * The form left open until its CSRF cookie is gone (here: deleted, as a day's wait or a browser
     * clearing cookies would): sending it shows it again with everything typed and a message in the
     * prospect's language, never a bare "HTTP ERROR 400"; sent again, it goes through.
     */
    @ParameterizedTest
    @CsvSource({"en, could not be checked", "fr, pas pu être vérifié"})
    void aFormWhoseCookieExpiredComesBackFilledAndGoesThroughTheSecondTime(String language, String message)
            throws InterruptedException {
        String email = "prospect+" + UUID.randomUUID() + "@example.test";
        try (Browser browser = Browser.open(TestStack.get().appUrl(), language, 360)) {
            browser.go("/interest");
            fillIn(browser, "Mariam Keïta", email, "Faso Solaire", "energy", "BF", "risk-assessment", "now",
                    "Centrale solaire près de Zagtouli.");
            browser.driver.manage().deleteCookieNamed("csrf-token");
            browser.clickAndWait("#send");

            assertThat(browser.text("#form-errors")).contains(message);
            assertThat(browser.pageText()).doesNotContain("HTTP ERROR");
            assertThat(browser.find("#email").getAttribute("value")).isEqualTo(email);
            assertThat(browser.find("#needs").getAttribute("value")).isEqualTo("Centrale solaire près de Zagtouli.");
            assertThat(browser.find("input[name='countries'][value='BF']").isSelected()).isTrue();
            // Consent is never ticked for the person: they tick it again.
            assertThat(browser.find("#consent").isSelected()).isFalse();
            browser.find("#consent").click();

            browser.clickAndWait("#send");
            browser.waitForPath("/interest/received");
            assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.count("email", email))).isEqualTo(1);
        }
    }
}
