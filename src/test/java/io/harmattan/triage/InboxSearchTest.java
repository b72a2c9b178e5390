package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.triage.InboxSearch.Way;
import org.junit.jupiter.api.Test;

/** The choice past the sample, with the figures of a million leads. */
class InboxSearchTest {

    static final long MILLION = 1_000_000;

    @Test
    void aWordNoSampledLeadHoldsGoesToTheIndex() {
        // "Liptako 1234": no lead of the 500 holds "1234", a sixth hold "Liptako".
        assertThat(InboxSearch.choose(500, 0, 0, 26, MILLION, 4000)).isEqualTo(Way.INDEX);
    }

    @Test
    void wordsThatMeetNowAndThenAreFoundByWalkingTheList() {
        // "Grace Laurent": each in a tenth of the leads, both in a hundredth; the walk needs ~2,600 leads.
        assertThat(InboxSearch.choose(500, 5, 50, 21, MILLION, 4000)).isEqualTo(Way.IN_ORDER);
    }

    @Test
    void commonWordsThatNeverMeetWalkTheWindowBeforeTheIndex() {
        assertThat(InboxSearch.choose(500, 0, 70, 26, MILLION, 4000)).isEqualTo(Way.IN_ORDER);
    }

    @Test
    void aSmallDatabaseUsesTheIndex() {
        assertThat(InboxSearch.choose(500, 1, 40, 25, 2_000, 4000)).isEqualTo(Way.INDEX);
    }
}
