package org.feedback.reporting;

import java.util.Comparator;

/** Orders of group labels other than by server count. */
final class LabelOrder {

    /**
     * Orders size labels ({@code 512 MiB} before {@code 1 GiB}) and count labels ({@code 2} before
     * {@code 3-4} before {@code 64-bit}) by the amount they name; other labels follow in text order, and
     * {@value ChartData#UNKNOWN} and {@value ChartData#OTHER} come last.
     */
    static final Comparator<String> BY_SIZE = Comparator.comparingInt(LabelOrder::rank)
            .thenComparingLong(LabelOrder::amount)
            .thenComparing(Comparator.naturalOrder());

    private LabelOrder() {
    }

    private static int rank(String label) {
        if (label.equals(ChartData.OTHER) || label.equals(ChartData.UNKNOWN)) {
            return 2;
        }
        return amount(label) >= 0 ? 0 : 1;
    }

    private static long amount(String label) {
        long size = Buckets.sizeOf(label);
        if (size >= 0) {
            return size;
        }
        int end = 0;
        while (end < label.length() && end < 18 && Character.isDigit(label.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(label.substring(0, end));
    }
}
