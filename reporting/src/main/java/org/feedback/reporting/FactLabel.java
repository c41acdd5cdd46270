package org.feedback.reporting;

/**
 * One value a server contributes to a dashboard breakdown, for example dimension {@code architecture} with
 * label {@code x86_64}. Engines also carry how many tables they hold and how much data.
 *
 * @param dimension   the breakdown, one of the {@link Dimension} names
 * @param label       the group the server falls in, at most {@link #MAX_LABEL_LENGTH} characters
 * @param tableCount  tables in this engine, or {@code null} when not an engine or unknown
 * @param dataBytes   bytes of data in this engine, or {@code null} when not an engine or unknown
 */
public record FactLabel(String dimension, String label, Long tableCount, Long dataBytes) {

    /** Longest label stored; longer values from a report are cut to this length. */
    public static final int MAX_LABEL_LENGTH = 128;

    public FactLabel {
        if (label.length() > MAX_LABEL_LENGTH) {
            label = label.substring(0, MAX_LABEL_LENGTH);
        }
    }

    static FactLabel of(String dimension, String label) {
        return new FactLabel(dimension, label, null, null);
    }
}
