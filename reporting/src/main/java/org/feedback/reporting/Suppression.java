package org.feedback.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds groups of fewer servers than the threshold into {@value ChartData#OTHER}, so that no public view
 * shows a group small enough to point at a few organisations.
 *
 * <p>The folded group is shown whatever its size: it tells how many servers are in small groups, not which
 * values they have. A filter that selects fewer servers than the threshold in all is suppressed as a whole
 * by the caller, since its total would be a small group's size.
 *
 * <p>NOTE: the threshold applies to each view on its own. Subtracting the numbers of two views that differ
 * in one filter (a time range, say) can still reveal a group smaller than the threshold.
 */
final class Suppression {

    private final int minGroupSize;

    Suppression(int minGroupSize) {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("the minimum group size is " + minGroupSize
                    + "; use 1 to show every group, or a larger number to fold small groups");
        }
        this.minGroupSize = minGroupSize;
    }

    int minGroupSize() {
        return minGroupSize;
    }

    boolean hides(long servers) {
        return servers < minGroupSize;
    }

    /** A group before suppression; amounts are {@code null} when not counted. */
    record Counted(String label, long servers, Long tableCount, Long dataBytes) {

        Counted plus(Counted other) {
            return new Counted(label, servers + other.servers, sum(tableCount, other.tableCount),
                    sum(dataBytes, other.dataBytes));
        }

        private static Long sum(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Long.valueOf(a + b);
        }
    }

    /** Returns {@code groups} with small ones folded into {@value ChartData#OTHER}, largest first. */
    List<Counted> fold(List<Counted> groups) {
        List<Counted> shown = new ArrayList<>(groups);
        shown.sort(Comparator.comparingLong(Counted::servers).reversed().thenComparing(Counted::label));
        Counted other = new Counted(ChartData.OTHER, 0, null, null);
        for (int i = shown.size() - 1; i >= 0; i--) {
            Counted group = shown.get(i);
            if (hides(group.servers()) || group.label().equals(ChartData.OTHER)) {
                other = other.plus(group);
                shown.remove(i);
            }
        }
        if (other.servers() > 0) {
            shown.add(other);
        }
        return shown;
    }

    /** Folds each week's groups separately; see {@link #fold}. */
    Map<String, Long> foldWeek(Map<String, Long> servers) {
        List<Counted> groups = new ArrayList<>();
        servers.forEach((label, count) -> groups.add(new Counted(label, count, null, null)));
        Map<String, Long> folded = new LinkedHashMap<>();
        for (Counted group : fold(groups)) {
            folded.put(group.label(), group.servers());
        }
        return folded;
    }
}
