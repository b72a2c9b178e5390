package io.harmattan.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sessions that have ended, shared by every instance through the database. Sessions are stateless
 * (an encrypted cookie), so without this a copied cookie would keep working after its owner signed
 * out, until the ID token expired. A sign-out here, Keycloak's back-channel logout (a sign-out
 * elsewhere, an administrator's "sign out all sessions") and a withdrawn account each write a row;
 * every instance reads the rows of the last seconds once a second into memory, so that the check on
 * each request costs a map lookup and never blocks the event loop. The instance that records a
 * revocation knows it at once; the others within about a second.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);
    /** Longer than any session lives (the realm's ssoSessionMaxLifespan is 10 hours). */
    public static final Duration KEEP = Duration.ofHours(12);
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final Pattern CLAIM = Pattern.compile("\"(sid|sub)\"\\s*:\\s*\"([^\"]{1,100})\"");

    @Inject
    AgroalDataSource dataSource;

    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> subjects = new ConcurrentHashMap<>();
    private volatile Instant readUpTo = Instant.EPOCH;
    private volatile Instant purged = Instant.now();
    private ScheduledExecutorService reader;

    void start(@Observes StartupEvent start) {
        refresh();
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-revocations");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (reader != null) {
            reader.shutdownNow();
        }
    }

    /** Whether the session, or every session its person had when their access was withdrawn, has ended. */
    public boolean isRevoked(String sessionId, String subject, long issuedAt) {
        if (sessionId != null && sessions.containsKey(sessionId)) {
            return true;
        }
        Instant notBefore = subject == null ? null : subjects.get(subject);
        // Strictly before: the account is disabled from that moment, and a sign-in after reinstatement may fall in
        // the same second (a token of that second issued before is also ended by Keycloak's back-channel logout).
        return notBefore != null && issuedAt < notBefore.getEpochSecond();
    }

    /** Ends one Keycloak session on every instance. */
    public void revokeSession(String sessionId, String subject, String reason) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        Instant now = Instant.now();
        sessions.put(sessionId, now);
        record(sessionId, null, now, reason);
    }

    /** Ends every session of a person that exists now, on every instance; later sign-ins are not affected. */
    public void revokeSubject(String subject, String reason) {
        Instant now = Instant.now();
        subjects.merge(subject, now, (a, b) -> a.isAfter(b) ? a : b);
        record(null, subject, now, reason);
    }

    /**
     * Keycloak's back-channel logout, verified by quarkus-oidc (signature, issuer, audience,
     * events claim) before this event fires: the session it names ends everywhere.
     */
    void backChannelLogout(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            return;
        }
        Map<String, String> claims = logoutClaims(event.getEventProperties().get("logout_token"));
        if (claims.containsKey("sid")) {
            revokeSession(claims.get("sid"), claims.get("sub"), "back-channel logout");
        } else if (claims.containsKey("sub")) {
            revokeSubject(claims.get("sub"), "back-channel logout");
        } else {
            LOG.error("A back-channel logout named no session and no person: it cannot reach the other instances");
        }
    }

    /**
     * The claims of the verified logout token the event carries. quarkus-oidc 3.33 passes its
     * verification result, whose claims sit in a package-private field; SignOutTest fails should a
     * later version change that, rather than sign-outs silently stopping at one instance.
     */
    static Map<String, String> logoutClaims(Object token) {
        if (token instanceof String jwt) {
            return claims(jwt);
        }
        try {
            java.lang.reflect.Field field = token.getClass().getDeclaredField("localVerificationResult");
            field.setAccessible(true);
            if (field.get(token) instanceof io.vertx.core.json.JsonObject json) {
                Map<String, String> claims = new java.util.HashMap<>();
                for (String name : new String[] { "sid", "sub" }) {
                    if (json.getValue(name) instanceof String value) {
                        claims.put(name, value);
                    }
                }
                return claims;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.errorf("Cannot read the back-channel logout token (%s): %s", token == null ? null : token.getClass(), e);
        }
        return Map.of();
    }

    /** The sid and sub claims of an already verified JWT. */
    static Map<String, String> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Map.of();
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Map<String, String> claims = new java.util.HashMap<>();
        Matcher matcher = CLAIM.matcher(payload);
        while (matcher.find()) {
            claims.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return claims;
    }

    /** Written on the reader's thread: a sign-out arrives on the event loop, which must not wait for the database. */
    private void record(String sessionId, String subject, Instant at, String reason) {
        ScheduledExecutorService thread = reader;
        if (thread == null) {
            insert(sessionId, subject, at, reason);
        } else {
            thread.execute(() -> insert(sessionId, subject, at, reason));
        }
    }

    private void insert(String sessionId, String subject, Instant at, String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO revoked_session (session_id, subject, revoked_at, reason) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, reason);
            insert.executeUpdate();
        } catch (SQLException e) {
            // This instance refuses the session already; the others cannot know, so say so loudly.
            LOG.errorf("Could not record a revoked session for the other instances (%s): %s", reason, e.getMessage());
        }
    }

    /** Reads the revocations of the last seconds (overlapping, so that none committed late is missed) and forgets old ones. */
    void refresh() {
        Instant started = Instant.now();
        Instant from = readUpTo.equals(Instant.EPOCH) ? started.minus(KEEP) : readUpTo.minus(OVERLAP);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT session_id, subject, revoked_at FROM revoked_session WHERE revoked_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant at = rows.getTimestamp(3).toInstant();
                    if (rows.getString(1) != null) {
                        sessions.putIfAbsent(rows.getString(1), at);
                    } else {
                        subjects.merge(rows.getString(2), at, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
            readUpTo = started;
            Instant forget = started.minus(KEEP);
            sessions.values().removeIf(at -> at.isBefore(forget));
            subjects.values().removeIf(at -> at.isBefore(forget));
            if (Duration.between(purged, started).toMinutes() >= 10) {
                purged = started;
                try (PreparedStatement purge = connection.prepareStatement("DELETE FROM revoked_session WHERE revoked_at < ?")) {
                    purge.setTimestamp(1, Timestamp.from(forget));
                    purge.executeUpdate();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not read revoked sessions, will retry: %s", e.getMessage());
        }
    }
}
