package io.harmattan.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is looking at the page: templates read it as {inject:viewer} for the navigation. */
@Named("viewer")
@RequestScoped
public class Viewer {

    /** Identity attributes set when the identity comes from the short-lived identity cookie. */
    static final String SUBJECT = "harmattan.subject";
    static final String NAME = "harmattan.name";
    static final String SESSION_ID = "harmattan.session";

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The person's display name from the ID token, else the username. */
    public String getDisplayName() {
        if (identity.isAnonymous()) {
            return "";
        }
        String name = token() == null ? identity.getAttribute(NAME) : token().getClaim("name");
        return name == null || name.isBlank() ? getUsername() : name;
    }

    /** The email from the ID token, or null when this request's identity came from the identity cookie. */
    public String getEmail() {
        return token() == null ? null : token().getClaim("email");
    }

    /** The subject (Keycloak user id), stable across renames. */
    public String getSubject() {
        return token() == null ? identity.getAttribute(SUBJECT) : token().getSubject();
    }

    /** The Keycloak session this page belongs to (the ID token's sid), or null. */
    public String getSessionId() {
        if (identity.isAnonymous()) {
            return null;
        }
        Object sid = token() == null ? identity.getAttribute(SESSION_ID) : token().getClaim(SessionMechanism.SID);
        return sid == null || sid.toString().isEmpty() ? null : sid.toString();
    }

    /** With the code flow the principal is the ID token; with a bearer token, the access token. */
    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }

    public boolean isConsultant() {
        return identity.hasRole(Roles.CONSULTANT);
    }

    public boolean isLeadConsultant() {
        return identity.hasRole(Roles.LEAD_CONSULTANT);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isClient() {
        return identity.hasRole(Roles.CLIENT);
    }

    /** The most senior role, for display. */
    public String getRole() {
        if (isAdmin()) {
            return Roles.ADMIN;
        }
        if (isLeadConsultant()) {
            return Roles.LEAD_CONSULTANT;
        }
        if (isConsultant()) {
            return Roles.CONSULTANT;
        }
        return isClient() ? Roles.CLIENT : "";
    }

    /** Where this person starts after logging in. */
    public String getHomePath() {
        if (isConsultant()) {
            return "/console";
        }
        if (isAdmin()) {
            return "/admin";
        }
        return isClient() ? "/portal" : "/";
    }
}
