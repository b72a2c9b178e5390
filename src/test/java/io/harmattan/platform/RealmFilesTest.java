package io.harmattan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harmattan.stack.RealmFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production realm holds no demo account and no password-grant client; the dev realm adds them. */
class RealmFilesTest {

    private static final Path REALM_CONFIG = Path.of("realm-config");

    private static JsonNode production() throws IOException {
        return new ObjectMapper().readTree(REALM_CONFIG.resolve("harmattan-realm.json").toFile());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        return null;
    }

    private static List<String> usernames(JsonNode realm) {
        List<String> names = new ArrayList<>();
        realm.get("users").forEach(user -> names.add(user.get("username").asText()));
        return names;
    }

    @Test
    void theSignInThemeSaysTheSameThingsInEnglishAndFrench() throws IOException {
        Path messages = Path.of("realm-config/themes/harmattan/login/messages");
        java.util.Properties english = new java.util.Properties();
        java.util.Properties french = new java.util.Properties();
        try (var en = java.nio.file.Files.newBufferedReader(messages.resolve("messages_en.properties"));
                var fr = java.nio.file.Files.newBufferedReader(messages.resolve("messages_fr.properties"))) {
            english.load(en);
            french.load(fr);
        }
        assertThat(english).isNotEmpty();
        assertThat(french.keySet()).isEqualTo(english.keySet());
        assertThat(french.getProperty("doLogIn")).isEqualTo("Se connecter");
    }

    @Test
    void productionRealmHasTheRolesAndBruteForceProtection() throws IOException {
        JsonNode realm = production();
        assertThat(realm.get("realm").asText()).isEqualTo("harmattan");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.get("permanentLockout").asBoolean()).as("a locked-out person is not locked out for good").isFalse();
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(900);
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(role -> roles.add(role.get("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("consultant", "lead-consultant", "admin", "client");
    }

    @Test
    void productionWebClientIsConfidentialWithPkceAndExactRedirects() throws IOException {
        JsonNode web = client(production(), "harmattan-web");
        assertThat(web.get("publicClient").asBoolean()).isFalse();
        assertThat(web.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(web.get("secret").asText()).isEqualTo("${HARMATTAN_OIDC_SECRET}");
        web.get("redirectUris").forEach(uri -> assertThat(uri.asText()).doesNotContain("*"));
        assertThat(web.at("/attributes/post.logout.redirect.uris").asText()).doesNotContain("*");
    }

    @Test
    void provisioningServiceAccountHasOnlyUserManagementRoles() throws IOException {
        JsonNode realm = production();
        JsonNode provisioner = client(realm, "harmattan-provisioner");
        assertThat(provisioner.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(provisioner.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(provisioner.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        JsonNode serviceAccount = realm.get("users").get(0);
        assertThat(serviceAccount.get("serviceAccountClientId").asText()).isEqualTo("harmattan-provisioner");
        List<String> granted = new ArrayList<>();
        serviceAccount.at("/clientRoles/realm-management").forEach(role -> granted.add(role.asText()));
        // view-realm lists the members of the staff roles on the admin's staff page; it changes nothing.
        assertThat(granted).allMatch(role -> role.endsWith("-users") || role.equals("query-groups") || role.equals("view-realm"));
        assertThat(granted).doesNotContain("realm-admin", "manage-realm", "manage-clients");
        // The client's tokens carry exactly those roles (full scope stays off).
        assertThat(provisioner.get("fullScopeAllowed").asBoolean()).isFalse();
        List<String> scoped = new ArrayList<>();
        realm.at("/clientScopeMappings/realm-management/0/roles").forEach(role -> scoped.add(role.asText()));
        assertThat(realm.at("/clientScopeMappings/realm-management/0/client").asText()).isEqualTo("harmattan-provisioner");
        assertThat(scoped).containsExactlyInAnyOrderElementsOf(granted);
    }

    @Test
    void productionRealmHasNoDemoUserNorPasswordGrantClient() throws IOException {
        JsonNode realm = production();
        assertThat(usernames(realm)).containsExactly("service-account-harmattan-provisioner");
        assertThat(client(realm, "harmattan-cli")).isNull();
        realm.get("clients").forEach(client -> assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                .as(client.get("clientId").asText()).isFalse());
        assertThat(realm.toString()).doesNotContain("\"value\"");
    }

    @Test
    void devRealmAddsTheDemoUsersAndTheCliClient() {
        JsonNode dev = RealmFile.devRealm(REALM_CONFIG);
        assertThat(usernames(dev)).contains("demo-consultant", "demo-lead", "demo-admin", "demo-client", "demo-client2");
        // The overlay's /clients group, with the demo organisations under it, replaces the production one.
        assertThat(dev.get("groups")).hasSize(1);
        assertThat(dev.at("/groups/0/realmRoles/0").asText()).isEqualTo("client");
        assertThat(dev.at("/groups/0/subGroups")).extracting(group -> group.get("path").asText())
                .containsExactly("/clients/org-1", "/clients/org-2");
        JsonNode cli = client(dev, "harmattan-cli");
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client(dev, "harmattan-web")).isNotNull();
        assertThat(dev.has("_comment")).isFalse();
    }

    @Test
    void productionRealmSetsThePasswordPolicyAndShortLivedTokens() throws IOException {
        JsonNode realm = production();
        assertThat(realm.get("passwordPolicy").asText()).contains("length(12)", "notUsername", "notEmail")
                .doesNotContain("maxLength", "forceExpiredPasswordChange");
        assertThat(realm.get("accessTokenLifespan").asInt()).as("ID and access tokens").isLessThanOrEqualTo(300);
        assertThat(realm.get("ssoSessionIdleTimeout").asInt()).as("idle").isLessThanOrEqualTo(1800);
        assertThat(realm.get("ssoSessionMaxLifespan").asInt()).as("absolute").isLessThanOrEqualTo(36000);
        assertThat(io.harmattan.security.Revocations.KEEP.toSeconds()).as("a revocation outlives every session it ends")
                .isGreaterThanOrEqualTo(realm.get("ssoSessionMaxLifespan").asLong());
    }

    @Test
    void keycloakTellsTheAppWhenASessionEndsElsewhere() throws IOException {
        JsonNode web = client(production(), "harmattan-web");
        assertThat(web.at("/attributes/backchannel.logout.url").asText())
                .isEqualTo("${HARMATTAN_PUBLIC_URL}/auth/back-channel-logout");
        assertThat(web.at("/attributes/backchannel.logout.session.required").asText()).isEqualTo("true");
        assertThat(web.get("frontchannelLogout").asBoolean()).isFalse();
    }
}
