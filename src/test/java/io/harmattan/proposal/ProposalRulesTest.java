package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.proposal.Coverage.Need;
import io.harmattan.proposal.Coverage.Offer;
import io.harmattan.web.Pdf;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proposal's state machine and the coverage of stated needs, without a server. */
class ProposalRulesTest {

    @Test
    void onlyAnApprovedVersionCanBeSentAndOnlyASentOneAnswered() {
        assertThat(ProposalState.DRAFT.canMoveTo(ProposalState.SENT)).isFalse();
        assertThat(ProposalState.IN_REVIEW.canMoveTo(ProposalState.SENT)).isFalse();
        assertThat(ProposalState.APPROVED.canMoveTo(ProposalState.SENT)).isTrue();
        assertThat(ProposalState.APPROVED.canMoveTo(ProposalState.ACCEPTED)).isFalse();
        assertThat(ProposalState.SENT.canMoveTo(ProposalState.ACCEPTED)).isTrue();
        assertThat(ProposalState.VIEWED.canMoveTo(ProposalState.DECLINED)).isTrue();
        assertThat(ProposalState.IN_REVIEW.canMoveTo(ProposalState.DRAFT)).as("changes requested").isTrue();
    }

    @Test
    void answeredExpiredWithdrawnAndSupersededVersionsAreFinal() {
        for (ProposalState end : List.of(ProposalState.ACCEPTED, ProposalState.DECLINED, ProposalState.EXPIRED,
                ProposalState.WITHDRAWN, ProposalState.SUPERSEDED)) {
            assertThat(end.isFinal()).as(end.code()).isTrue();
            assertThat(end.awaitingClient()).isFalse();
        }
        assertThat(ProposalState.SENT.frozen()).isTrue();
        assertThat(ProposalState.APPROVED.frozen()).isFalse();
    }

    @Test
    void aNeedIsCoveredByALineOfThatServiceInThatCountryOrInAllCountries() {
        List<Need> missing = Coverage.uncovered(List.of("risk-assessment", "travel-security"), List.of("ML", "BF"),
                List.of(new Offer("risk-assessment", Set.of("ML")), new Offer("travel-security", Set.of())));
        assertThat(missing).containsExactly(new Need("risk-assessment", "BF"));
    }

    @Test
    void textsLoseWhatXmlCannotHoldAndNamesWhatKeycloakRefuses() {
        assertThat(Pdf.printable("Line one\u000BLine two\u0001\u0000 end\ttab")).isEqualTo("Line one\nLine two end\ttab");
        assertThat(Pdf.printable("Émile 😀 ok")).isEqualTo("Émile 😀 ok");
        assertThat(Pdf.printable("broken \uD800 pair")).isEqualTo("broken  pair");
        assertThat(Proposals.splitName("Awa (Sales) Traoré")).containsExactly("Awa Sales", "Traoré");
        assertThat(Proposals.splitName("Madonna")).containsExactly("Madonna", "Madonna");
        assertThat(Proposals.splitName("x".repeat(150))[0]).hasSize(100);
        assertThat(Proposals.splitName("<>")).containsExactly("-", "-");
    }

    @Test
    void withoutCountriesEachServiceNeedsOneLine() {
        assertThat(Coverage.uncovered(List.of("training", "due-diligence"), List.of(),
                List.of(new Offer("training", Set.of("NE"))))).containsExactly(new Need("due-diligence", null));
        assertThat(Coverage.uncovered(List.of(), List.of("ML"), List.of())).isEmpty();
    }
}
