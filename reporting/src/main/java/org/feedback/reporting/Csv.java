package org.feedback.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes chart data as CSV (RFC 4180, CRLF line ends). A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return is prefixed with an apostrophe, so that a spreadsheet opening
 * the file shows it as text instead of running it as a formula; numbers are written unprefixed.
 */
public final class Csv {

    private Csv() {
    }

    /** Returns the CSV of {@code data}, with a header row. */
    public static String of(ChartData data) {
        StringBuilder csv = new StringBuilder(4096);
        if (data instanceof ChartData.Breakdown breakdown) {
            row(csv, List.of("value", "servers", "share", "tables", "data_bytes"));
            for (ChartData.Group group : breakdown.groups()) {
                row(csv, List.of(text(group.label()), Long.toString(group.servers()), share(group.share()),
                        number(group.tableCount()), number(group.dataBytes())));
            }
        } else {
            ChartData.Series series = (ChartData.Series) data;
            List<String> header = new ArrayList<>(List.of("week"));
            series.lines().forEach(line -> header.add(text(line)));
            row(csv, header);
            for (ChartData.Week week : series.weeks()) {
                List<String> cells = new ArrayList<>(List.of(week.start().toString()));
                week.servers().forEach(servers -> cells.add(number(servers)));
                row(csv, cells);
            }
        }
        return csv.toString();
    }

    /** Returns {@code value} made safe to open in a spreadsheet: formula-starting text gets an apostrophe. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Formats a share without an exponent, which some spreadsheets read as text: {@code 0.00001}. */
    private static String share(double share) {
        return BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            quote(csv, cells.get(i));
        }
        csv.append("\r\n");
    }

    private static void quote(StringBuilder csv, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            csv.append(cell);
            return;
        }
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}
