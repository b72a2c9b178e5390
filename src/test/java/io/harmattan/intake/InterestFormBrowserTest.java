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

    @ParameterizedTest
    @CsvSource({
            "en, Request for interest, Please tick at least one country., 'Thank you, your request is with us'",
            "fr, Demande d'intérêt, Merci de cocher au moins un pays., 'Merci, votre demande nous est parvenue'"})
    void aPersonSendsTheFormAndSeesTheReference(String language, String title, String countryError, String thanks)
            throws InterruptedException {
        String email = "prospect+" + UUID.randomUUID() + "@example.test";
        try (Browser browser = Browser.open(TestStack.get().appUrl(), language, 360)) {
            browser.go("/");
            browser.clickAndWait("a[href='/interest']");
            assertThat(browser.find("h1").getText()).isEqualTo(title);

            browser.find("#name").sendKeys("Amadou Traoré");
            browser.find("#email").sendKeys(email);
            browser.find("#organisation").sendKeys("Société Minière du Liptako");
            browser.find("#jobTitle").sendKeys("Directeur sûreté");
            browser.find("input[name='sectors'][value='mining']").click();
            browser.find("input[name='services'][value='site-security-audit']").click();
            new Select(browser.find("#timeframe")).selectByValue("6-months");
            browser.find("#needs").sendKeys("Audit de sûreté du site près de Essakane, convois vers Dori.");
            browser.find("#consent").click();
            // A person takes a few seconds; faster than that counts as a robot.
            Thread.sleep(3200);
            browser.clickAndWait("#send");

            assertThat(browser.text("#countries-error")).isEqualTo(countryError);
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
            browser.find("#name").sendKeys("Mariam Keïta");
            browser.find("#email").sendKeys(email);
            browser.find("#organisation").sendKeys("Faso Solaire");
            browser.find("#jobTitle").sendKeys("CEO");
            browser.find("input[name='sectors'][value='energy']").click();
            browser.find("input[name='countries'][value='BF']").click();
            browser.find("input[name='services'][value='risk-assessment']").click();
            new Select(browser.find("#timeframe")).selectByValue("now");
            browser.find("#needs").sendKeys("Centrale solaire près de Zagtouli.");
            browser.find("#consent").click();
            Thread.sleep(3200);
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
