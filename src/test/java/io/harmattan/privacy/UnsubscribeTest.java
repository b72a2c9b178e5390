package io.harmattan.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.MailText;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A prospect who agreed to receive news stops it from the link in their acknowledgement, without
 * signing in: the page asks first, the button withdraws the opt-in of every request from that
 * address (and no other), the audit log counts it; a forged or cut link changes nothing.
 */
@QuarkusTest
class UnsubscribeTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+(/unsubscribe\\?t=[A-Za-z0-9_.-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static long submit(String email, boolean optIn) {
        return Submissions.idOf(Submissions.byApi(email, "marketingOptIn", optIn));
    }

    private static boolean optedIn(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(id).marketingOptIn);
    }

    @Test
    void theLinkInTheAcknowledgementWithdrawsTheOptInOfThatAddressOnly() throws Exception {
        String email = "news-" + UUID.randomUUID() + "@sahel-news.test";
        String neighbour = "keep-" + UUID.randomUUID() + "@sahel-news.test";
        long first = submit(email, true);
        long second = submit(email, true);
        long other = submit(neighbour, true);
        long refused = submit("no-" + UUID.randomUUID() + "@sahel-news.test", false);

        MimeMessage ack = Eventually.until(() -> Mailbox.to(email).stream().findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(ack).isNotNull();
        Matcher link = LINK.matcher(MailText.of(ack));
        assertThat(link.find()).as("an unsubscribe link in: " + MailText.of(ack)).isTrue();
        String path = link.group(1);

        Response page = given().redirects().follow(false).get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains(email, "id=\"unsubscribe\"");
        assertThat(optedIn(first)).as("opening the link alone changes nothing").isTrue();

        String token = path.substring(path.indexOf("t=") + 2);
        Matcher csrf = CSRF.matcher(page.body().asString());
        assertThat(csrf.find()).isTrue();
        Response done = given().redirects().follow(false).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .formParam("t", token).post("/unsubscribe");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(given().get(done.header("Location")).body().asString()).contains("id=\"unsubscribed\"");

        assertThat(optedIn(first)).isFalse();
        assertThat(optedIn(second)).isFalse();
        assertThat(optedIn(other)).as("another address keeps its choice").isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and details = ?2",
                "marketing.withdrawn", "leads=2"))).isGreaterThanOrEqualTo(1);
        // A mail without an opt-in carries no link.
        String refusedMail = MailText.of(Eventually.until(() -> Mailbox.to(QuarkusTransaction.requiringNew()
                .call(() -> Lead.<Lead>findById(refused).email)).stream().findFirst().orElse(null), java.util.Objects::nonNull));
        assertThat(refusedMail).doesNotContain("/unsubscribe");
    }

    @Test
    void aForgedOrCutLinkIsRefusedAndChangesNothing() {
        String email = "forge-" + UUID.randomUUID() + "@sahel-news.test";
        long id = submit(email, true);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes()) + "."
                + "A".repeat(43);
        for (String token : List.of(forged, "", "abc", forged.substring(0, 20), "%00", "x".repeat(700))) {
            Response page = given().redirects().follow(false).queryParam("t", token).get("/unsubscribe");
            assertThat(page.statusCode()).as(token).isEqualTo(400);
            assertThat(page.body().asString()).contains("id=\"unsubscribe-invalid\"");
        }
        assertThat(optedIn(id)).isTrue();
    }
}
