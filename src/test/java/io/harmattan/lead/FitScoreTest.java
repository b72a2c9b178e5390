package io.harmattan.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.FitScore.Facts;
import io.harmattan.lead.FitScore.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitScoreTest {

    private static Facts facts(List<String> sectors, List<String> countries, List<String> services, String timeframe,
            String phone, String email, boolean duplicate) {
        return new Facts(sectors, countries, services, timeframe, "Head of security", phone, email, duplicate);
    }

    private static int part(FitScore.Breakdown b, String key) {
        return b.parts().stream().filter(p -> p.key().equals(key)).mapToInt(Part::points).findFirst().orElseThrow();
    }

    @Test
    void aCompleteCoreRequestScoresTheMaximum() {
        var b = FitScore.of(facts(List.of("mining"), List.of("ML"), List.of("risk-assessment", "training", "due-diligence"),
                "now", "+223 20 00 00 00", "ops@sahel-gold.test", false));
        assertThat(b.total()).isEqualTo(100);
        assertThat(b.parts()).extracting(Part::key)
                .containsExactly("sector", "country", "services", "timeframe", "organisation", "duplicate");
        assertThat(b.parts().stream().mapToInt(Part::max).sum()).isEqualTo(100);
    }

    @Test
    void otherSectorsScoreHalfAndNoneScoresNothing() {
        assertThat(part(FitScore.of(facts(List.of("telecoms"), List.of(), List.of(), "now", null, "a@b.test", false)),
                "sector")).isEqualTo(15);
        assertThat(part(FitScore.of(facts(List.of("telecoms", "energy"), List.of(), List.of(), "now", null, "a@b.test", false)),
                "sector")).isEqualTo(30);
        assertThat(part(FitScore.of(facts(List.of(), List.of(), List.of(), "now", null, "a@b.test", false)), "sector"))
                .isZero();
    }

    @Test
    void onlyTheThreeCountriesCount() {
        assertThat(part(FitScore.of(facts(List.of(), List.of("SN"), List.of(), "now", null, "a@b.test", false)), "country"))
                .isZero();
        assertThat(part(FitScore.of(facts(List.of(), List.of("NE"), List.of(), "now", null, "a@b.test", false)), "country"))
                .isEqualTo(25);
    }

    @Test
    void servicesAreCappedAndTimeframesGraded() {
        var many = FitScore.of(facts(List.of(), List.of(), List.of("a", "b", "c", "d", "e"), "exploring", null, "x@y.test", false));
        assertThat(part(many, "services")).isEqualTo(15);
        assertThat(part(many, "timeframe")).isZero();
        assertThat(FitScore.timeframePoints("3-months")).isEqualTo(12);
        assertThat(FitScore.timeframePoints("6-months")).isEqualTo(8);
        assertThat(FitScore.timeframePoints("12-months")).isEqualTo(4);
        assertThat(FitScore.timeframePoints(null)).isZero();
    }

    @Test
    void freeMailIsNotAnOrganisationDomain() {
        assertThat(FitScore.organisationDomain("Jane@Gmail.com")).isNull();
        assertThat(FitScore.organisationDomain("jane@Sahel-Gold.test")).isEqualTo("sahel-gold.test");
        assertThat(part(FitScore.of(facts(List.of(), List.of(), List.of(), "now", "", "jane@yahoo.fr", false)),
                "organisation")).isEqualTo(5);
    }

    @Test
    void aRepeatLosesTenPointsButNeverGoesBelowZero() {
        var repeat = FitScore.of(facts(List.of("mining"), List.of("ML"), List.of(), "now", null, "a@gmail.com", true));
        assertThat(part(repeat, "duplicate")).isEqualTo(-10);
        assertThat(repeat.total()).isEqualTo(30 + 25 + 15 + 5 - 10);
        var empty = new Facts(List.of(), List.of(), List.of(), "exploring", "", null, "a@gmail.com", true);
        assertThat(FitScore.of(empty).total()).isZero();
    }
}
