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

    @Test
    void aLongTextWithOneChangedLineShowsJustThatLine() {
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2500\n", "line 2500, revised\n");
        List<Line> diff = LineDiff.between(before.toString(), after);
        assertThat(diff).filteredOn(line -> line.kind() != Kind.SAME)
                .containsExactly(new Line(Kind.REMOVED, "line 2500"), new Line(Kind.ADDED, "line 2500, revised"));
        assertThat(diff).hasSize(5002);
    }
}
