package io.harmattan.lead;

import static io.harmattan.lead.LeadStatus.CONVERTED;
import static io.harmattan.lead.LeadStatus.DISQUALIFIED;
import static io.harmattan.lead.LeadStatus.MERGED;
import static io.harmattan.lead.LeadStatus.NEW;
import static io.harmattan.lead.LeadStatus.QUALIFIED;
import static io.harmattan.lead.LeadStatus.SPAM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadStatusTest {

    @Test
    void followsTheTriageLifeCycle() {
        assertThat(NEW.next()).containsExactlyInAnyOrder(QUALIFIED, DISQUALIFIED, SPAM, MERGED);
        assertThat(QUALIFIED.next()).containsExactlyInAnyOrder(CONVERTED, DISQUALIFIED);
        assertThat(SPAM.next()).containsExactly(NEW);
        assertThat(DISQUALIFIED.next()).containsExactly(NEW);
    }

    @Test
    void refusesShortcutsAndFinalStates() {
        assertThat(NEW.canMoveTo(CONVERTED)).isFalse();
        assertThat(SPAM.canMoveTo(QUALIFIED)).isFalse();
        assertThat(QUALIFIED.canMoveTo(QUALIFIED)).isFalse();
        assertThat(CONVERTED.next()).isEmpty();
        assertThat(MERGED.next()).isEmpty();
        assertThat(CONVERTED.isOpen()).isFalse();
        assertThat(QUALIFIED.isOpen()).isTrue();
    }

    @Test
    void isStoredAsItsLowerCaseCode() {
        assertThat(new LeadStatus.Column().convertToDatabaseColumn(DISQUALIFIED)).isEqualTo("disqualified");
        assertThat(new LeadStatus.Column().convertToEntityAttribute("merged")).isEqualTo(MERGED);
        assertThat(LeadStatus.ofCode("unknown")).isEmpty();
        assertThat(LeadStatus.ofCode(null)).isEmpty();
    }
}
