package io.harmattan.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In Chromium, on a phone, in French: the client finds her settings from the portal's home and changes her digest. */
@QuarkusTest
class PortalSettingsBrowserTest {

    @AfterEach
    void restore() {
        QuarkusTransaction.requiringNew().run(() -> ClientUser.<ClientUser>find("email", "demo-client@sahel-gold.test")
                .firstResult().choose("en", DigestFrequency.WEEKLY, true, Set.of(), Set.of()));
    }

    @Test
    void theClientMakesHerDigestDailyAndMaliOnly() {
        try (Browser client = Browser.open(TestStack.get().appUrl(), "fr", 360)) {
            client.signIn("demo-client", "demo").waitForPath("/portal");
            client.clickAndWait("#settings-link");
            client.waitForPath("/portal/settings");
            Browser.screenshot(client.driver, "portal-settings-fr-360.png");
            client.find("input[name='digest'][value='daily']").click();
            client.find("input[name='countries'][value='BF']").click();
            client.find("#language option[value='fr']").click();
            client.clickAndWait("#save-settings");
            assertThat(client.text(".flash")).contains("Paramètres enregistrés.");
            assertThat(client.find("input[name='digest'][value='daily']").isSelected()).isTrue();
            assertThat(client.find("input[name='countries'][value='BF']").isSelected()).isFalse();
            assertThat(client.find("input[name='countries'][value='ML']").isSelected()).isTrue();
        }
        try (Browser client = Browser.open(TestStack.get().appUrl(), "en", 1280)) {
            client.signIn("demo-client", "demo").waitForPath("/portal");
            client.go("/portal/settings");
            Browser.screenshot(client.driver, "portal-settings-en-1280.png");
            assertThat(client.text("h1")).isEqualTo("Your settings");
        }
    }
}
