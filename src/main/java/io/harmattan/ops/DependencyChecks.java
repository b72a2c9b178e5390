package io.harmattan.ops;

import io.harmattan.HarmattanConfig;
import io.harmattan.web.SignInService;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Keycloak and the mail relay, as wellness checks ({@code /q/health/well}, also in {@code /q/health}):
 * reported, never part of readiness. The public form and API work without either (sign-in waits
 * for Keycloak, mail waits in the outbox), so neither may take an instance out of the balancer.
 */
@ApplicationScoped
public class DependencyChecks {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    HarmattanConfig config;

    @Inject
    SignInService signIn;

    @Produces
    @Wellness
    HealthCheck keycloak() {
        return () -> HealthCheckResponse.named("Keycloak").withData("fatal", false).status(signIn.isAvailable())
                .withData("status", signIn.lastStatus()).withData("error", String.valueOf(signIn.lastError())).build();
    }

    @Produces
    @Wellness
    HealthCheck mailRelay() {
        return () -> {
            var response = HealthCheckResponse.named("Mail relay").withData("fatal", false);
            HarmattanConfig.Mail mail = config.mail();
            if (mail.logOnly()) {
                return response.up().withData("mode", "log only").build();
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(mail.host(), mail.port()), (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                OutputStream out = socket.getOutputStream();
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return response.status(greeting != null && greeting.startsWith("220")).build();
            } catch (IOException e) {
                return response.down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
