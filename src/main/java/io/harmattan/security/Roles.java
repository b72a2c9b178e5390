package io.harmattan.security;

/** The realm roles of realm-config/harmattan-realm.json. lead-consultant includes consultant. */
public final class Roles {

    public static final String CONSULTANT = "consultant";
    public static final String LEAD_CONSULTANT = "lead-consultant";
    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";

    private Roles() {
    }
}
