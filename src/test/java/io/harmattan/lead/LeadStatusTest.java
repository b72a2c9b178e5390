package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadStatusTest {

    @Test
    void followsTheTriageLifeCycle() {
        assertThat(LeadStatus.canMove("new", "qualified")).isTrue();
        assertThat(LeadStatus.canMove("new", "disqualified")).isTrue();
        assertThat(LeadStatus.canMove("new", "spam")).isTrue();
        assertThat(LeadStatus.canMove("spam", "new")).isTrue();
        assertThat(LeadStatus.canMove("qualified", "converted")).isTrue();
        assertThat(LeadStatus.canMove("disqualified", "new")).isTrue();
    }

    @Test
    void refusesShortcutsAndFinalStates() {
        assertThat(LeadStatus.canMove("new", "converted")).isFalse();
        assertThat(LeadStatus.canMove("spam", "qualified")).isFalse();
        assertThat(LeadStatus.canMove("converted", "new")).isFalse();
        assertThat(LeadStatus.canMove("merged", "new")).isFalse();
        assertThat(LeadStatus.canMove("qualified", "qualified")).isFalse();
        assertThat(LeadStatus.canMove("unknown", "new")).isFalse();
        assertThat(LeadStatus.isOpen("converted")).isFalse();
        assertThat(LeadStatus.isOpen("qualified")).isTrue();
    }
}
