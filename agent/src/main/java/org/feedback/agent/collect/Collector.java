package org.feedback.agent.collect;

import java.util.List;
import org.feedback.report.Report;

/**
 * One part of a report. A collector that fails or times out does not stop the report: its
 * {@link #keysOnFailure() fixed keys} are written as {@code unknown}, {@code Collector <name>} says
 * {@code failed: <reason>}, and the failure is logged.
 */
interface Collector {

    /** Returns the name used in {@code Collector <name>}, such as {@code engines}. */
    String name();

    /** Returns the keys this collector always writes, to be marked {@code unknown} when it fails. */
    List<String> keysOnFailure();

    /** Appends this collector's entries to {@code out}; entries appended before a failure are discarded. */
    void collect(CollectionContext context, Report.Builder out) throws Exception;
}
