package io.harmattan.web;

/**
 * CSV cells as spreadsheet programs read them safely: quoted when needed, and a cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe so that it stays text.
 */
public final class Csv {

    /** The byte-order mark that makes spreadsheet programs read the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(';') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** One line, cells separated by commas, ended by CRLF as RFC 4180 says. */
    public static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }
}
