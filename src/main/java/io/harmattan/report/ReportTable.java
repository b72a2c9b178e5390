package io.harmattan.report;

import java.util.List;

/**
 * One figure as a page shows it: a title, the column headings (the first names the rows), the
 * rows, and whether it is drawn as bars. Each row has its cells as the reader reads them, the same
 * values plain for the CSV, and the number its bar stands for.
 */
public record ReportTable(String id, String title, List<String> headings, List<Row> rows, boolean chart) {

    /** The chart, in SVG units of a 320-wide box: the longest bar, and the height of a row. */
    static final int BAR = 150;
    static final int ROW = 22;

    public record Row(String label, List<String> cells, List<String> plain, long value, String shown) {
    }

    /** A bar's length, the longest row's being {@link #BAR}. */
    public int bar(Row row) {
        long max = rows.stream().mapToLong(Row::value).max().orElse(0);
        return max <= 0 ? 0 : (int) Math.round((double) row.value() * BAR / max);
    }

    public int height() {
        return rows.size() * ROW + 4;
    }

    public int y(int index) {
        return index * ROW + 2;
    }

    /** The label as the chart has room for it. */
    public String shortLabel(Row row) {
        return row.label().length() <= 17 ? row.label() : row.label().substring(0, 16).strip() + "…";
    }
}
