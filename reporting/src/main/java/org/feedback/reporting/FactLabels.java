package org.feedback.reporting;

import java.util.ArrayList;
import java.util.List;
import org.feedback.report.ServerFacts;

/**
 * Computes the labels a server's full report contributes to the dashboards. User-given text (user info,
 * company, location, contract id) is never among them.
 */
public final class FactLabels {

    private FactLabels() {
    }

    /** Returns the labels of {@code facts}, one per single-valued dimension that is known. */
    public static List<FactLabel> of(ServerFacts facts) {
        List<FactLabel> labels = new ArrayList<>();
        facts.flavor().ifPresent(flavor -> labels.add(FactLabel.of(Dimension.FLAVOR, flavor.displayName())));
        facts.majorMinor().ifPresent(majorMinor -> labels.add(FactLabel.of(Dimension.MAJOR_MINOR, majorMinor)));
        facts.version().ifPresent(version -> labels.add(FactLabel.of(Dimension.VERSION, version)));
        addPlatform(facts, labels);
        addHardware(facts, labels);
        return labels;
    }

    private static void addPlatform(ServerFacts facts, List<FactLabel> labels) {
        facts.distribution().or(facts::osName)
                .ifPresent(os -> labels.add(FactLabel.of(Dimension.OS, os)));
        facts.osName().ifPresent(os -> labels.add(FactLabel.of(Dimension.OS_FAMILY, os)));
        facts.kernelRelease().ifPresent(release -> labels.add(FactLabel.of(Dimension.KERNEL,
                facts.osName().map(os -> os + " ").orElse("") + Buckets.kernelFamily(release))));
        facts.architecture().ifPresent(architecture -> labels.add(FactLabel.of(Dimension.ARCHITECTURE, architecture)));
    }

    private static void addHardware(ServerFacts facts, List<FactLabel> labels) {
        facts.cpuCount().ifPresent(count -> labels.add(FactLabel.of(Dimension.CPU_COUNT, Buckets.countLabel(count))));
        facts.memoryBytes().ifPresent(bytes -> labels.add(FactLabel.of(Dimension.MEMORY, Buckets.sizeLabel(bytes))));
    }
}
