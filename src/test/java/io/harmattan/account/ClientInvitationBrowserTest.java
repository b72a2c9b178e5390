package io.harmattan.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Browser;
import io.harmattan.testing.Clients;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.MailText;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium, against the real Keycloak: a lead consultant invites a new person; Keycloak's
 * set-password mail reaches GreenMail in French; the person follows its link, sets a password,
 * signs in and reads their organisation's briefings and nothing else; once removed, they are refused.
 */
@QuarkusTest
class ClientInvitationBrowserTest {

    private static final Pattern CARD = Pattern.compile("class=\"briefing-card\" data-id=\"(\\d+)\"");

    @Test
    void anInvitedPersonSetsAPasswordReadsTheirOrganisationsBriefingsAndIsRefusedOnceRemoved() throws Exception {
        // The same follows as the demo's second organisation, whose reader shows what it should see.
        long organisation = Clients.organisation("Liptako Travaux", Set.of("construction", "logistics"), Set.of("NE"));
        String email = Clients.email("new.person");
        String appUrl = TestStack.get().appUrl();

        try (Browser lead = Browser.open(appUrl); Browser person = Browser.open(appUrl, "fr", 1280)) {
            lead.signIn("demo-lead", "demo").waitForPath("/console");
            lead.go("/console/clients/" + organisation);
            lead.find("#firstName").sendKeys("Aïcha");
            lead.find("#lastName").sendKeys("Garba");
            lead.find("#email").sendKeys(email);
            new Select(lead.find("#language")).selectByValue("fr");
            lead.clickAndWait("#send-invitation");
            assertThat(lead.text("#flash")).contains("Invitation sent");
            assertThat(lead.find("#people tr[data-email='" + email + "']").getAttribute("data-standing")).isEqualTo("invited");

            List<MimeMessage> mail = Eventually.until(() -> Mailbox.to(email), list -> !list.isEmpty());
            assertThat(mail).hasSize(1);
            assertThat(MailText.of(mail.get(0))).contains("mot de passe");

            person.driver.get(MailText.actionLink(mail.get(0)));
            WebDriverWait wait = new WebDriverWait(person.driver, Duration.ofSeconds(20));
            // Keycloak may first list what the link will ask ("Cliquez ici pour continuer").
            WebElement newPassword = wait.until(d -> {
                List<WebElement> field = d.findElements(By.id("password-new"));
                if (!field.isEmpty()) {
                    return field.get(0);
                }
                d.findElements(By.cssSelector("a[href*='login-actions']")).stream().findFirst().ifPresent(WebElement::click);
                return null;
            });
            newPassword.sendKeys("Harmattan-2026!");
            person.find("#password-confirm").sendKeys("Harmattan-2026!");
            person.find("#kc-passwd-update-form [type=submit]").click();
            wait.until(d -> d.findElements(By.id("password-new")).isEmpty());

            person.go("/portal/briefings");
            wait.until(d -> d.getCurrentUrl().startsWith(appUrl) || !d.findElements(By.id("username")).isEmpty());
            if (!person.driver.getCurrentUrl().startsWith(appUrl)) {
                person.find("#username").sendKeys(email);
                person.find("#password").sendKeys("Harmattan-2026!");
                person.find("#kc-login").click();
            }
            person.waitForPath("/portal/briefings");
            List<String> seen = person.driver.findElements(By.cssSelector("#briefings .briefing-card")).stream()
                    .map(card -> card.getAttribute("data-id")).toList();

            FormSession sameFollows = FormSession.signIn("/portal", "demo-client2");
            List<String> expected = CARD.matcher(sameFollows.get("/portal/briefings").body().asString()).results()
                    .map(match -> match.group(1)).toList();
            FormSession otherOrganisation = FormSession.signIn("/portal", "demo-client");
            List<String> others = CARD.matcher(otherOrganisation.get("/portal/briefings").body().asString()).results()
                    .map(match -> match.group(1)).filter(id -> !expected.contains(id)).toList();
            assertThat(seen).isNotEmpty().containsExactlyElementsOf(expected);
            assertThat(others).isNotEmpty();
            person.go("/portal/briefings/" + others.get(0));
            assertThat(person.find("h1").getText()).isEqualTo("Page introuvable");

            lead.go("/console/clients/" + organisation);
            lead.clickAndWait("#people tr[data-email='" + email + "'] form[action$='/remove'] button");
            assertThat(lead.text("#flash")).contains("Person removed");

            // The session ended with the removal: the next page is Keycloak's sign-in, which the disabled account cannot pass.
            person.go("/portal/briefings");
            assertThat(person.driver.getCurrentUrl()).contains("/protocol/openid-connect/auth");
        }
    }
}
