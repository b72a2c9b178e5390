package io.harmattan.testing;

import io.harmattan.account.ClientOrganisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Client organisations and Keycloak accounts made for one test, each with its own unique names. */
public final class Clients {

    private Clients() {
    }

    /** A new active organisation following these sectors and countries; returns its id. */
    public static long organisation(String name, Set<String> sectors, Set<String> countries) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation organisation = new ClientOrganisation();
            organisation.name = name + " " + UUID.randomUUID().toString().substring(0, 8);
            organisation.createdAt = Instant.now();
            organisation.follow(sectors, countries);
            organisation.persist();
            return organisation.id;
        });
    }

    /** An address nobody else uses, at the reserved .test domain. */
    public static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@clients.test";
    }

    /**
     * Finishes an invited account the way the person would (password set, email verified), so that
     * tests about what comes after can sign in without a browser.
     */
    public static void setPassword(Keycloak keycloak, String subject, String password) {
        var user = keycloak.realm("harmattan").users().get(subject);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.resetPassword(credential);
        UserRepresentation representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        representation.setEmailVerified(true);
        user.update(representation);
    }

    /** The Keycloak accounts with this email (exact match). */
    public static List<UserRepresentation> accounts(Keycloak keycloak, String email) {
        return keycloak.realm("harmattan").users().searchByEmail(email, true);
    }
}
