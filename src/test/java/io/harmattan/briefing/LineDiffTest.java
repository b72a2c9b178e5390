package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.briefing.LineDiff.Kind;
import io.harmattan.briefing.LineDiff.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void marksRemovedAndAddedLinesAndKeepsTheRest() {
        List<Line> diff = LineDiff.between("a\nb\nc", "a\nB\nc\nd");
        assertThat(diff).containsExactly(new Line(Kind.SAME, "a"), new Line(Kind.REMOVED, "b"), new Line(Kind.ADDED, "B"),
                new Line(Kind.SAME, "c"), new Line(Kind.ADDED, "d"));
    }

    @Test
    void emptyAndMissingTexts() {
        assertThat(LineDiff.between(null, "x")).containsExactly(new Line(Kind.ADDED, "x"));
        assertThat(LineDiff.between("x", null)).containsExactly(new Line(Kind.REMOVED, "x"));
        assertThat(LineDiff.changed(null, "")).isFalse();
        assertThat(LineDiff.changed("a", "b")).isTrue();
    }
}
