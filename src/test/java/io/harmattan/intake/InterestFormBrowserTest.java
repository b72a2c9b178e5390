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
}
