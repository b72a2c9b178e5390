package io.harmattan.briefing;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line-by-line comparison of two texts, for comparing briefing versions: java-diff-utils' Myers
 * diff, whose memory grows with the texts and their differences, not with their product.
 */
public final class LineDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {

        public boolean isAdded() {
            return kind == Kind.ADDED;
        }

        public boolean isRemoved() {
            return kind == Kind.REMOVED;
        }
    }

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        List<String> a = lines(before);
        List<Line> diff = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, lines(after)).getDeltas()) {
            Chunk<String> removed = delta.getSource();
            while (next < removed.getPosition()) {
                diff.add(new Line(Kind.SAME, a.get(next++)));
            }
            removed.getLines().forEach(line -> diff.add(new Line(Kind.REMOVED, line)));
            delta.getTarget().getLines().forEach(line -> diff.add(new Line(Kind.ADDED, line)));
            next = removed.getPosition() + removed.size();
        }
        while (next < a.size()) {
            diff.add(new Line(Kind.SAME, a.get(next++)));
        }
        return diff;
    }

    public static boolean changed(String before, String after) {
        return !Objects.equals(before == null ? "" : before, after == null ? "" : after);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }
}
