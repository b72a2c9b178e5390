package io.harmattan.account;

import io.harmattan.HarmattanConfig;
import io.harmattan.security.Revocations;
import io.harmattan.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The app's only door to Keycloak's Admin REST API, through the {@code harmattan-provisioner}
 * service account (client credentials; realm-management roles manage-users, view-users,
 * query-users, query-groups, view-realm). A client's organisation is a Keycloak group
 * {@code /clients/org-<id>}: a subgroup of {@code /clients}, whose realm role {@code client} its
 * members inherit, so one membership gives both the role and the organisation, and an account is
 * created already inside its group (never an account without an organisation). Every method
 * throws a RuntimeException when Keycloak is unreachable or fails; callers record that and retry.
 */
@ApplicationScoped
public class KeycloakAccounts {

    static final String REALM = "harmattan";
    static final String CLIENTS_GROUP = "/clients";
    /** What Keycloak's own mail asks a new person to do; the link in it is valid for {@link #invitationLifespan}. */
    static final List<String> FIRST_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    private static final Set<String> STAFF_ROLES = Set.of(Roles.CONSULTANT, Roles.LEAD_CONSULTANT, Roles.ADMIN);

    /** A person to give an account to. */
    public record Invitee(String email, String firstName, String lastName, String language) {
    }

    /** The account given: its subject id, and whether Keycloak mailed a set-password link (not for an account that has a password). */
    public record Provisioned(String subject, boolean mailed) {
    }

    /** Why an account cannot join the organisation. */
    public static class Refused extends RuntimeException {
        final SyncProblem problem;

        Refused(SyncProblem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }
    }

    /** A consultant's or administrator's account, for the admin's staff page. */
    public record StaffMember(String id, String username, String name, String email, boolean enabled, String role) {

        /** Where this row's button posts: disable or enable. */
        public String action(String verb) {
            return "/admin/staff/" + id + "/" + verb;
        }
    }

    @Inject
    Keycloak keycloak;

    @Inject
    HarmattanConfig config;

    @Inject
    Revocations revocations;

    /**
     * Creates the person's account inside the organisation's group and sends Keycloak's
     * set-password mail in their language; an existing account of that email is linked instead
     * (and mailed only if it never set a password). Safe to repeat after a failure part-way.
     * Returns the account's subject id.
     */
    public Provisioned provision(long organisationId, Invitee invitee) {
        RealmResource realm = realm();
        GroupRepresentation group = organisationGroup(realm, organisationId);
        Optional<UserRepresentation> existing = byEmail(realm, invitee.email());
        String id;
        if (existing.isEmpty()) {
            id = create(realm, invitee, group);
        } else {
            id = existing.get().getId();
            UserResource user = realm.users().get(id);
            refuseIfElsewhere(user, group);
            user.joinGroup(group.getId());
            if (!Boolean.TRUE.equals(existing.get().isEnabled())) {
                UserRepresentation enable = user.toRepresentation();
                enable.setEnabled(true);
                user.update(enable);
            }
        }
        UserResource user = realm.users().get(id);
        boolean mail = user.credentials().stream().noneMatch(c -> CredentialRepresentation.PASSWORD.equals(c.getType()));
        if (mail) {
            user.executeActionsEmail(config.accounts().loginClient(), config.publicUrl() + "/portal",
                    (int) config.accounts().invitationLifespan().toSeconds(), FIRST_ACTIONS);
        }
        return new Provisioned(id, mail);
    }

    /** Disables the account and ends its sessions, so that it can neither sign in nor refresh. */
    public void suspend(String subject) {
        UserResource user = realm().users().get(subject);
        setEnabled(user, false);
        user.logout();
        revocations.revokeSubject(subject, "account suspended");
    }

    public void reinstate(String subject) {
        setEnabled(realm().users().get(subject), true);
    }

    /** Suspends the account and takes it out of the organisation's group; an account already gone is fine. */
    public void remove(String subject, long organisationId) {
        RealmResource realm = realm();
        UserResource user = realm.users().get(subject);
        try {
            setEnabled(user, false);
        } catch (WebApplicationException gone) {
            if (notFound(gone)) {
                return;
            }
            throw gone;
        }
        user.logout();
        revocations.revokeSubject(subject, "account removed");
        user.leaveGroup(organisationGroup(realm, organisationId).getId());
    }

    /** Deletes the account, for a person whose data is erased; its sessions end with it. An account already gone is fine. */
    public void delete(String subject) {
        UserResource user = realm().users().get(subject);
        try {
            user.logout();
        } catch (WebApplicationException gone) {
            if (notFound(gone)) {
                return;
            }
            throw gone;
        }
        revocations.revokeSubject(subject, "account erased");
        try (Response deleted = realm().users().delete(subject)) {
            if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                throw new WebApplicationException(deleted.getStatus());
            }
        }
    }

    /**
     * Deletes the client account registered under exactly this address, if there is one and it holds
     * no staff role (an erasure of a person whose row is already gone).
     */
    public void deleteClientAccount(String email) {
        for (UserRepresentation user : realm().users().searchByEmail(email, true)) {
            if (!email.equalsIgnoreCase(user.getEmail())) {
                continue;
            }
            Set<String> roles = new HashSet<>();
            realm().users().get(user.getId()).roles().realmLevel().listEffective().forEach(r -> roles.add(r.getName()));
            if (roles.contains(Roles.CLIENT) && !roles.contains(Roles.CONSULTANT) && !roles.contains(Roles.LEAD_CONSULTANT)
                    && !roles.contains(Roles.ADMIN)) {
                delete(user.getId());
            }
        }
    }

    /** Everyone with a staff role, with their most senior one. */
    public List<StaffMember> staff() {
        RealmResource realm = realm();
        Map<String, StaffMember> members = new java.util.TreeMap<>();
        for (String role : List.of(Roles.CONSULTANT, Roles.LEAD_CONSULTANT, Roles.ADMIN)) {
            for (UserRepresentation user : realm.roles().get(role).getUserMembers(0, 1000)) {
                String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName())).strip();
                members.put(user.getUsername(), new StaffMember(user.getId(), user.getUsername(), name, user.getEmail(),
                        Boolean.TRUE.equals(user.isEnabled()), role));
            }
        }
        return List.copyOf(members.values());
    }

    /** A new consultant's account with its role, mailed to set a password; an existing account just gets the role. */
    public Provisioned inviteStaff(Invitee invitee, String role) {
        if (!STAFF_ROLES.contains(role)) {
            throw new IllegalArgumentException("not a staff role: " + role);
        }
        RealmResource realm = realm();
        Optional<UserRepresentation> existing = byEmail(realm, invitee.email());
        String id = existing.isPresent() ? existing.get().getId() : create(realm, invitee, null);
        UserResource user = realm.users().get(id);
        if (user.groups().stream().anyMatch(g -> g.getPath() != null && g.getPath().startsWith(CLIENTS_GROUP + "/"))) {
            throw new Refused(SyncProblem.OTHER_ORGANISATION);
        }
        RoleRepresentation granted = realm.roles().get(role).toRepresentation();
        user.roles().realmLevel().add(List.of(granted));
        boolean mail = user.credentials().stream().noneMatch(c -> CredentialRepresentation.PASSWORD.equals(c.getType()));
        if (mail) {
            user.executeActionsEmail(config.accounts().loginClient(), config.publicUrl() + "/console",
                    (int) config.accounts().invitationLifespan().toSeconds(), FIRST_ACTIONS);
        }
        return new Provisioned(id, mail);
    }

    /** Enables or disables a staff account; disabling also ends its sessions. */
    public void setStaffEnabled(String id, boolean enabled) {
        UserResource user = realm().users().get(id);
        boolean staff;
        try {
            staff = user.roles().realmLevel().listEffective().stream().anyMatch(r -> STAFF_ROLES.contains(r.getName()));
        } catch (WebApplicationException unknown) {
            if (notFound(unknown)) {
                throw new NotFoundException();
            }
            throw unknown;
        }
        if (!staff) {
            throw new NotFoundException();
        }
        setEnabled(user, enabled);
        if (!enabled) {
            user.logout();
            revocations.revokeSubject(id, "staff access withdrawn");
        }
    }

    private RealmResource realm() {
        return keycloak.realm(REALM);
    }

    private static Optional<UserRepresentation> byEmail(RealmResource realm, String email) {
        return realm.users().searchByEmail(email, true).stream().findFirst();
    }

    private static String create(RealmResource realm, Invitee invitee, GroupRepresentation group) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(invitee.email());
        user.setEmail(invitee.email());
        user.setFirstName(invitee.firstName());
        user.setLastName(invitee.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of("locale", List.of(invitee.language())));
        if (group != null) {
            user.setGroups(List.of(group.getPath()));
        }
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                // Created meanwhile by another attempt: use that account.
                return byEmail(realm, invitee.email()).orElseThrow(() -> new IllegalStateException("conflict without account"))
                        .getId();
            }
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    /** An account already in another organisation's group, or holding a staff role, cannot be linked. */
    private static void refuseIfElsewhere(UserResource user, GroupRepresentation group) {
        for (GroupRepresentation member : user.groups()) {
            String path = member.getPath();
            if (path != null && path.startsWith(CLIENTS_GROUP + "/") && !path.equals(group.getPath())) {
                throw new Refused(SyncProblem.OTHER_ORGANISATION);
            }
        }
        if (user.roles().realmLevel().listEffective().stream().anyMatch(r -> STAFF_ROLES.contains(r.getName()))) {
            throw new Refused(SyncProblem.STAFF_ACCOUNT);
        }
    }

    /** The organisation's group, created under /clients the first time someone of it is invited. */
    private static GroupRepresentation organisationGroup(RealmResource realm, long organisationId) {
        String path = CLIENTS_GROUP + "/org-" + organisationId;
        try {
            return realm.getGroupByPath(path);
        } catch (WebApplicationException missing) {
            if (!notFound(missing)) {
                throw missing;
            }
            GroupRepresentation parent = realm.getGroupByPath(CLIENTS_GROUP);
            GroupRepresentation child = new GroupRepresentation();
            child.setName("org-" + organisationId);
            child.setAttributes(Map.of("harmattan-organisation-id", List.of(Long.toString(organisationId))));
            try (Response created = realm.groups().group(parent.getId()).subGroup(child)) {
                // 409: created meanwhile by another attempt; either way it exists now.
                return realm.getGroupByPath(path);
            }
        }
    }

    /** The REST client reports every error status as a WebApplicationException; 404 is "no such thing". */
    private static boolean notFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode();
    }

    private static void setEnabled(UserResource user, boolean enabled) {
        UserRepresentation representation = user.toRepresentation();
        if (!Boolean.valueOf(enabled).equals(representation.isEnabled())) {
            representation.setEnabled(enabled);
            user.update(representation);
        }
    }
}
