package io.harmattan.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.security.Keys.Purpose;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeysTest {

    private static final String SECRET = "a-session-secret-of-at-least-32-characters";

    @Test
    void eachPurposeSignsWithItsOwnKey() {
        String[] signatures = Arrays.stream(Purpose.values())
                .map(purpose -> HexFormat.of().formatHex(Keys.hmac(SECRET, purpose).sign("same data"))).toArray(String[]::new);
        assertThat(signatures).doesNotHaveDuplicates();
    }

    @Test
    void aKeyDependsOnTheSecretAndNothingElse() {
        assertThat(Keys.hmac(SECRET, Purpose.FORM_TOKEN).sign("data"))
                .isEqualTo(Keys.hmac(SECRET, Purpose.FORM_TOKEN).sign("data"))
                .isNotEqualTo(Keys.hmac(SECRET + "x", Purpose.FORM_TOKEN).sign("data"));
    }
}
