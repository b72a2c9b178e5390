package io.harmattan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormTokenTest {

    private final FormToken tokens = new FormToken("a-test-secret-of-reasonable-length-0123456789");

    @Test
    void aTokenVerifiesAndTellsItsAge() {
        Instant issued = Instant.parse("2026-11-22T10:00:00Z");
        FormToken.Parsed parsed = tokens.verify(tokens.issue(issued)).orElseThrow();
        assertThat(parsed.issuedAt()).isEqualTo(issued);
        assertThat(parsed.age(issued.plusSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(parsed.id()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void twoTokensNeverShareAnId() {
        Instant now = Instant.now();
        assertThat(tokens.verify(tokens.issue(now)).orElseThrow().id())
                .isNotEqualTo(tokens.verify(tokens.issue(now)).orElseThrow().id());
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = tokens.issue(Instant.now());
        String backdated = (token.charAt(0) == '1' ? "2" : "1") + token.substring(1);
        assertThat(tokens.verify(backdated)).isEmpty();
        assertThat(new FormToken("another-secret-entirely-0123456789abcdef").verify(token)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("no-dots-at-all")).isEmpty();
        assertThat(tokens.verify("x".repeat(500))).isEmpty();
    }
}
