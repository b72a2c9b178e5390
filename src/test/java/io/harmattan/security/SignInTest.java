package io.harmattan.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.harmattan.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in through Keycloak's real login page in Chromium. */
@QuarkusTest
class SignInTest {

    @ParameterizedTest
    @CsvSource({
            "demo-consultant, /console, Aminata Ouedraogo, consultant",
            "demo-lead,       /console, Moussa Keita,      lead consultant",
            "demo-admin,      /admin,   Hadiza Issoufou,   administrator",
            "demo-client,     /portal,  Claire Dubois,     client"})
    void eachDemoUserLandsOnTheirOwnHome(String username, String home, String name, String role) {
        try (Browser browser = Browser.open(TestStack.get().appUrl())) {
            browser.signIn(username, Tokens.PASSWORD);
            assertThat(browser.currentPath()).isEqualTo(home);
            assertThat(browser.text("#welcome")).contains(name);
            assertThat(browser.text("#role")).isEqualTo(role);
        }
    }

    @Test
    void clientSeesTheirOrganisation() {
        try (Browser browser = Browser.open(TestStack.get().appUrl())) {
            browser.signIn("demo-client", Tokens.PASSWORD);
            assertThat(browser.text("#organisation")).isEqualTo("Organisation: Sahel Gold Resources");
        }
    }

    @Test
    void clientIsForbiddenFromTheConsole() {
        try (Browser browser = Browser.open(TestStack.get().appUrl())) {
            browser.signIn("demo-client", Tokens.PASSWORD);
            browser.go("/console");
            assertThat(browser.pageText()).doesNotContain("Consultant console");
            assertThat(browser.find("h1").getText()).isEqualTo("Access denied");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (Browser browser = Browser.open(TestStack.get().appUrl())) {
            browser.signIn("demo-consultant", Tokens.PASSWORD);
            assertThat(browser.currentPath()).isEqualTo("/console");
            java.util.Set<org.openqa.selenium.Cookie> cookies = browser.driver.manage().getCookies();
            java.util.List<org.openqa.selenium.Cookie> session = cookies.stream()
                    .filter(cookie -> cookie.getName().startsWith("q_session")).toList();
            assertThat(session).as("session cookies among %s", cookies).isNotEmpty();
            assertThat(session).allMatch(org.openqa.selenium.Cookie::isHttpOnly)
                    .allMatch(cookie -> "Lax".equals(cookie.getSameSite()));
            browser.find("#sign-out").click();
            browser.waitForPath("/");
            assertThat(browser.driver.findElements(By.id("sign-in"))).hasSize(1);
            assertThat(browser.text("#flash")).isEqualTo("You are signed out.");
            browser.driver.navigate().refresh();
            assertThat(browser.driver.findElements(By.id("flash"))).as("a flash shows once").isEmpty();
            // Were the Keycloak session still alive, this would go straight back to the console.
            browser.go("/console");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(browser.driver.getCurrentUrl()).startsWith(TestStack.get().keycloak.realmUrl());
        }
    }

    @Test
    void anEnglishBrowserGetsTheFirmsSignInPageInEnglish() {
        try (Browser browser = Browser.open(TestStack.get().appUrl(), "en", 1280)) {
            firmsSignInPage(browser, "en", "Sign in");
            Browser.screenshot(browser.driver, "keycloak-sign-in-en-1280.png");
        }
    }

    /** Keycloak's sign-in page, reached from the app's sign-in link, is the firm's, in the browser's language. */
    private static void firmsSignInPage(Browser browser, String language, String button) {
        browser.go("/home");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(language);
        // The firm's sign-in page (realm-config/themes/harmattan), not Keycloak's stock one.
        assertThat(browser.text("#kc-header-wrapper")).isEqualTo("African Security Analysis");
        assertThat(browser.text("#kc-login")).isEqualTo(button);
        assertThat(browser.driver.getPageSource()).contains("/login/harmattan/css/harmattan.css");
    }

    @Test
    void aFrenchBrowserGetsKeycloakAndThePortalInFrench() {
        try (Browser browser = Browser.open(TestStack.get().appUrl(), "fr", 360)) {
            firmsSignInPage(browser, "fr", "Se connecter");
            Browser.screenshot(browser.driver, "keycloak-sign-in-fr-360.png");
            browser.signIn("demo-client", Tokens.PASSWORD);
            assertThat(browser.find("h1").getText()).isEqualTo("Espace client");
            assertThat(browser.text("#role")).isEqualTo("client");
            assertThat(browser.text("#organisation")).isEqualTo("Organisation : Sahel Gold Resources");
            assertThat(browser.text("#sign-out")).isEqualTo("Se déconnecter");
            browser.go("/console");
            assertThat(browser.find("h1").getText()).isEqualTo("Accès refusé");
        }
    }
}
