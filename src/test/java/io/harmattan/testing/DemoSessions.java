package io.harmattan.testing;

/** Signed-in sessions of the demo consultant, lead consultant, client and administrator, for tests that compare roles. */
public record DemoSessions(FormSession consultant, FormSession lead, FormSession client, FormSession admin) {

    public static DemoSessions signIn() throws Exception {
        return new DemoSessions(FormSession.signIn("/console", "demo-consultant"), FormSession.signIn("/console", "demo-lead"),
                FormSession.signIn("/portal", "demo-client"), FormSession.signIn("/admin", "demo-admin"));
    }
}
