package io.harmattan.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.util.Set;

/**
 * A one-time message shown on the page after a redirect. The app keeps no server session, so
 * the message travels as a code in a short-lived cookie; only known codes are ever shown, each
 * with its text from the message bundles. Templates read it as {inject:flash}.
 */
@Named("flash")
@RequestScoped
public class Flash {

    public static final String COOKIE = "flash";
    public static final String SIGNED_OUT = "signed-out";
    public static final String BRIEFING_SAVED = "briefing-saved";
    public static final String BRIEFING_PUBLISHED = "briefing-published";
    public static final String BRIEFING_ARCHIVED = "briefing-archived";
    public static final String BRIEFING_APPROVED = "briefing-approved";
    public static final String BRIEFING_RECIPIENTS = "briefing-recipients";
    public static final String LEAD_ASSIGNED = "lead-assigned";
    public static final String LEAD_STATUS = "lead-status";
    public static final String LEAD_TAGS = "lead-tags";
    public static final String LEAD_NOTE = "lead-note";
    public static final String LEAD_EMAILED = "lead-emailed";
    public static final String LEAD_CONTACT = "lead-contact";
    public static final String TASK_ADDED = "task-added";
    public static final String TASK_DONE = "task-done";
    public static final String BULK_DONE = "bulk-done";
    public static final String VIEW_SAVED = "view-saved";
    public static final String VIEW_DELETED = "view-deleted";
    public static final String LEAD_MERGED = "lead-merged";
    public static final String LEAD_CONVERTED = "lead-converted";
    public static final String LEAD_DELETED = "lead-deleted";
    public static final String LEAD_RELEASED = "lead-released";
    public static final String ORGANISATION_SAVED = "organisation-saved";
    public static final String ORGANISATION_SUSPENDED = "organisation-suspended";
    public static final String ORGANISATION_ACTIVATED = "organisation-activated";
    public static final String PERSON_INVITED = "person-invited";
    public static final String PERSON_PENDING = "person-pending";
    public static final String PERSON_SUSPENDED = "person-suspended";
    public static final String PERSON_REINSTATED = "person-reinstated";
    public static final String PERSON_REMOVED = "person-removed";
    public static final String STAFF_INVITED = "staff-invited";
    public static final String STAFF_LINKED = "staff-linked";
    public static final String PERSON_LINKED = "person-linked";
    public static final String STAFF_DISABLED = "staff-disabled";
    public static final String STAFF_ENABLED = "staff-enabled";
    public static final String PROPOSAL_SAVED = "proposal-saved";
    public static final String PROPOSAL_SUBMITTED = "proposal-submitted";
    public static final String PROPOSAL_APPROVED = "proposal-approved";
    public static final String PROPOSAL_CHANGES = "proposal-changes";
    public static final String PROPOSAL_SENT = "proposal-sent";
    public static final String PROPOSAL_WITHDRAWN = "proposal-withdrawn";
    public static final String PROPOSAL_REVISED = "proposal-revised";
    public static final String PROPOSAL_REFUSED = "proposal-refused";
    public static final String PROPOSAL_ACCEPTED = "proposal-accepted";
    public static final String PROPOSAL_DECLINED = "proposal-declined";
    public static final String SETTINGS_SAVED = "settings-saved";
    static final Set<String> CODES = Set.of(SIGNED_OUT, BRIEFING_SAVED, BRIEFING_PUBLISHED, BRIEFING_ARCHIVED, BRIEFING_APPROVED, BRIEFING_RECIPIENTS,
            LEAD_ASSIGNED,
            LEAD_STATUS, LEAD_TAGS, LEAD_NOTE, LEAD_EMAILED, LEAD_CONTACT, TASK_ADDED, TASK_DONE, BULK_DONE, VIEW_SAVED,
            VIEW_DELETED, LEAD_MERGED, LEAD_CONVERTED, LEAD_DELETED, LEAD_RELEASED, ORGANISATION_SAVED,
            ORGANISATION_SUSPENDED, ORGANISATION_ACTIVATED, PERSON_INVITED, PERSON_PENDING, PERSON_SUSPENDED,
            PERSON_REINSTATED, PERSON_REMOVED, STAFF_INVITED, STAFF_LINKED, PERSON_LINKED, STAFF_DISABLED, STAFF_ENABLED, PROPOSAL_SAVED, PROPOSAL_SUBMITTED, PROPOSAL_APPROVED, PROPOSAL_CHANGES, PROPOSAL_SENT, PROPOSAL_WITHDRAWN, PROPOSAL_REVISED, PROPOSAL_REFUSED, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED,
            SETTINGS_SAVED);

    @Inject
    HttpServerRequest request;

    private boolean shown;

    /** The code to show on this page, or null; reading it means the cookie is cleared in the response. */
    public String getCode() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null) {
            return null;
        }
        shown = true;
        return CODES.contains(cookie.getValue()) ? cookie.getValue() : null;
    }

    boolean wasShown() {
        return shown;
    }

    /** A 303 to {@code path} that shows {@code code} once there. */
    public static jakarta.ws.rs.core.Response redirect(String path, String code, boolean https) {
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create(path)).cookie(set(code, https)).build();
    }

    public static NewCookie set(String code, boolean https) {
        return new NewCookie.Builder(COOKIE).value(code).path("/").maxAge(60).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie clear() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
