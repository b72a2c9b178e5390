package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamReasonsTest {

    @Test
    void readsBackWhatTheSpamChecksStore() {
        assertThat(SpamReasons.code("honeypot field filled in")).isEqualTo("honeypot");
        assertThat(SpamReasons.code("form filled in 850 ms")).isEqualTo("fast");
        assertThat(SpamReasons.number("form filled in 850 ms")).isEqualTo("850");
        assertThat(SpamReasons.code("markup in the text")).isEqualTo("markup");
        assertThat(SpamReasons.code("4 links in the text")).isEqualTo("links");
        assertThat(SpamReasons.number("4 links in the text")).isEqualTo("4");
        assertThat(SpamReasons.code("consultant")).isEqualTo("consultant");
        assertThat(SpamReasons.code("something new")).isEqualTo("other");
        assertThat(SpamReasons.code(null)).isEqualTo("none");
        assertThat(SpamReasons.number(null)).isEmpty();
    }
}
