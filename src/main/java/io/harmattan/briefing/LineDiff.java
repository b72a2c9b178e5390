package io.harmattan.briefing;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line comparison of two texts (longest common subsequence), for comparing versions. */
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

    /** Texts longer than this many lines are compared as a whole block removed and added. */
    static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<Line> diff = new ArrayList<>();
        if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES) {
            for (String line : a) {
                diff.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                diff.add(new Line(Kind.ADDED, line));
            }
            return diff;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                diff.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            diff.add(new Line(Kind.ADDED, b[j++]));
        }
        return diff;
    }

    public static boolean changed(String before, String after) {
        return !java.util.Objects.equals(before == null ? "" : before, after == null ? "" : after);
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R", -1);
    }
}
