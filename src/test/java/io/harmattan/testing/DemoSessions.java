package io.harmattan.testing;

/** Signed-in sessions of the demo consultant, lead consultant and client, for tests that compare roles. */
public record DemoSessions(FormSession consultant, FormSession lead, FormSession client) {

    public static DemoSessions signIn() throws Exception {
        return new DemoSessions(FormSession.signIn("/console", "demo-consultant"), FormSession.signIn("/console", "demo-lead"),
                FormSession.signIn("/portal", "demo-client"));
    }
}
