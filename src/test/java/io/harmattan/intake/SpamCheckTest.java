package io.harmattan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.SpamReason;
import io.harmattan.lead.SpamReason.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamCheckTest {

    private static final Duration HUMAN = Duration.ofSeconds(40);

    @Test
    void anOrdinaryRequestIsNotSpam() {
        assertThat(SpamCheck.reason(null, HUMAN, "Security review of our gold mine near Sadiola, see https://example.com/site",
                "Claire Dubois")).isEmpty();
        assertThat(SpamCheck.reason("", HUMAN, "Besoin d'une évaluation à Ouagadougou")).isEmpty();
    }

    @Test
    void aFilledHoneypotIsSpam() {
        assertThat(SpamCheck.reason("http://buy.example", HUMAN, "hello")).hasValue(Signal.of(SpamReason.HONEYPOT));
    }

    @Test
    void aFormFilledFasterThanAPersonCanIsSpam() {
        assertThat(SpamCheck.reason(null, Duration.ofMillis(900), "hello")).hasValue(new Signal(SpamReason.FAST, 900));
        assertThat(SpamCheck.reason(null, SpamCheck.MINIMUM_FILL_TIME, "hello")).isEmpty();
    }

    @Test
    void linkStuffedOrMarkedUpTextIsSpam() {
        String links = "see http://a.example http://b.example www.c.example https://d.example";
        assertThat(SpamCheck.reason(null, HUMAN, links)).hasValue(new Signal(SpamReason.LINKS, 4));
        assertThat(SpamCheck.reason(null, HUMAN, "[url=http://x.example]cheap[/url]")).hasValue(Signal.of(SpamReason.MARKUP));
        assertThat(SpamCheck.reason(null, HUMAN, "fine", "<a href=x>name</a>")).hasValue(Signal.of(SpamReason.MARKUP));
    }

    @Test
    void svgAndEventHandlersCountAsMarkupButOrdinaryComparisonsDoNot() {
        for (String markup : List.of("<svg onload=alert(1)>", "<SVG/onload=alert(1)>", "<math><mi>x</mi></math>",
                "<div onmouseover = \"steal()\">hi</div>", "<p style=x onclick=go()>", "click javascript:alert(1)",
                "<object data=x>", "<embed src=x>")) {
            assertThat(SpamCheck.reason(null, HUMAN, markup)).as(markup).hasValue(Signal.of(SpamReason.MARKUP));
        }
        for (String prose : List.of("Budget < 50,000 USD on three sites", "Fewer than 10 staff; ratio 3 < 5 > 2",
                "We run convoys on the Ouaga-Niamey road")) {
            assertThat(SpamCheck.reason(null, HUMAN, prose)).as(prose).isEmpty();
        }
    }
}
