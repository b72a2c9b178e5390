package io.harmattan.report;

import java.util.List;

/**
 * One figure as a page shows it: a title, the column headings (the first names the rows), the
 * rows, and whether it is drawn as bars. Each row has its cells as the reader reads them, the same
 * values plain for the CSV, and the number its bar stands for.
 */
public record ReportTable(String id, String title, List<String> headings, List<Row> rows, boolean chart) {

    /**
     * The chart, in SVG units of a 320-wide box: each row is its label on a line of its own with the
     * bar below it, so labels need not be cut to fit beside the bars. The longest bar leaves room for
     * its value; a row is two lines high.
     */
    static final int BAR = 250;
    static final int ROW = 34;
    /** About as many characters as the box holds on one line at the chart's text size. */
    static final int LABEL = 50;

    public record Row(String label, List<String> cells, List<String> plain, long value, String shown) {
    }

    /**
     * The rows the chart draws: those with a value to show. A row of another kind (a duration among
     * counts of requests) stays in the table only, so that every bar of a chart counts the same thing.
     */
    public List<Row> charted() {
        return rows.stream().filter(row -> !row.shown().isEmpty()).toList();
    }

    /** A bar's length, the longest row's being {@link #BAR}. */
    public int bar(Row row) {
        long max = charted().stream().mapToLong(Row::value).max().orElse(0);
        return max <= 0 ? 0 : (int) Math.round((double) row.value() * BAR / max);
    }

    public int height() {
        return charted().size() * ROW + 4;
    }

    public int y(int index) {
        return index * ROW + 2;
    }

    /** The label as the chart has room for it. */
    public String shortLabel(Row row) {
        return row.label().length() <= LABEL ? row.label() : row.label().substring(0, LABEL - 1).strip() + "…";
    }
}
