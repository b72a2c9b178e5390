package io.harmattan.web;

import java.util.regex.Pattern;

/**
 * CSV cells as spreadsheet programs read them safely: quoted when needed, and a cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe so that it stays text. A phone number ("+226 70 12 34 56": digits
 * and phone punctuation only, so no function a formula could call) gets a leading space instead,
 * which keeps it text without a visible apostrophe.
 */
public final class Csv {

    /** The byte-order mark that makes spreadsheet programs read the file as UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final Pattern PHONE = Pattern.compile("[+-][0-9()./ -]*");

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        // Spreadsheets may trim leading spaces before deciding a cell is a formula.
        String trimmed = value.stripLeading();
        char first = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (formula && PHONE.matcher(trimmed).matches() && trimmed.chars().filter(Character::isDigit).count() >= 6) {
            text = " " + trimmed;
        } else if (formula || value.charAt(0) == '\t' || value.charAt(0) == '\r') {
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
