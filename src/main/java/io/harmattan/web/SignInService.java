package io.harmattan.web;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak answers, asked every 5 s (every second while it does not) on a thread of its own (1 s timeout): a person who
 * must sign in while it is away gets "temporarily unavailable" from us rather than a redirect to a
 * server their browser cannot reach; the wellness check reports the same.
 */
@ApplicationScoped
public class SignInService {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile int lastStatus = 200;
    private volatile String lastError;
    private ScheduledExecutorService checker;

    void start(@Observes StartupEvent started) {
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sign-in-service");
            thread.setDaemon(true);
            return thread;
        });
        checker.schedule(this::checkAndReschedule, 0, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /** Every 5 s while Keycloak answers, every second while it does not, so that its return shows at once. */
    private void checkAndReschedule() {
        check();
        if (!checker.isShutdown()) {
            checker.schedule(this::checkAndReschedule, isAvailable() ? EVERY.toMillis() : 1000, TimeUnit.MILLISECONDS);
        }
    }

    void check() {
        try {
            HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).build();
            lastStatus = http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode();
            lastError = null;
        } catch (IOException | RuntimeException e) {
            lastStatus = 0;
            lastError = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As of the last check, at most 5 s ago. */
    public boolean isAvailable() {
        return lastStatus == 200;
    }

    public int lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }
}
