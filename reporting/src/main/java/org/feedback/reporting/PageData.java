package org.feedback.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one dashboard page shows.
 *
 * @param page           the page
 * @param filter         the filter the numbers were computed with
 * @param activeServers  servers active in each of {@link DashboardQueries#ACTIVE_PERIODS_DAYS}, in that
 *                       order; {@code null} where suppressed
 * @param charts         the data of each of the page's charts, by chart id, in display order
 * @param majorVersions  the major versions the filter form offers
 * @param minGroupSize   the suppression threshold, which the page states
 * @param refreshedAt    when the rollups were last refreshed; empty before the first refresh
 */
public record PageData(Page page, Filter filter, List<Long> activeServers, Map<String, ChartData> charts,
                       List<Integer> majorVersions, int minGroupSize, Optional<Instant> refreshedAt) {
}
