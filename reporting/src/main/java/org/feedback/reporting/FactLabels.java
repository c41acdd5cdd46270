package org.feedback.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.feedback.report.ServerFacts;

/**
 * Computes the labels a server's full report contributes to the dashboards: one per single-valued
 * dimension whose fact is known, and one per engine, plugin, feature and collation. User-given text (user
 * info, company, location, contract id) is never among them.
 */
public final class FactLabels {

    /** Label of the virtualisation chart for servers on bare metal ({@code Host_virtualization} = none). */
    static final String NOT_VIRTUALIZED = "not virtualised";

    private FactLabels() {
    }

    /** Returns the labels of {@code facts}. */
    public static List<FactLabel> of(ServerFacts facts) {
        List<FactLabel> labels = new ArrayList<>();
        addVersion(facts, labels);
        addPlatform(facts, labels);
        addHardware(facts, labels);
        addUsage(facts, labels);
        return labels;
    }

    private static void addVersion(ServerFacts facts, List<FactLabel> labels) {
        facts.flavor().ifPresent(flavor -> add(labels, Dimension.FLAVOR, flavor.displayName()));
        facts.majorMinor().ifPresent(majorMinor -> add(labels, Dimension.MAJOR_MINOR, majorMinor));
        facts.version().ifPresent(version -> add(labels, Dimension.VERSION, version));
        if (facts.flavor().isPresent() && facts.majorMinor().isPresent() && facts.patchVersion().isPresent()) {
            add(labels, Dimension.RELEASE, facts.flavor().get().displayName() + " " + facts.majorMinor().get()
                    + "." + facts.patchVersion().getAsInt());
        }
    }

    private static void addPlatform(ServerFacts facts, List<FactLabel> labels) {
        facts.distribution().or(facts::osName).ifPresent(os -> add(labels, Dimension.OS, os));
        facts.osFamily().ifPresent(family -> add(labels, Dimension.OS_FAMILY, family));
        facts.distributionName().ifPresent(name -> {
            add(labels, Dimension.DISTRIBUTION, name);
            facts.distributionVersion().ifPresent(version ->
                    add(labels, Dimension.DISTRIBUTION_VERSION, name + " " + version));
        });
        facts.kernelRelease().ifPresent(release -> add(labels, Dimension.KERNEL,
                facts.osFamily().map(family -> family + " ").orElse("") + Buckets.kernelFamily(release)));
        facts.architecture().ifPresent(architecture -> add(labels, Dimension.ARCHITECTURE, architecture));
        facts.bitness().ifPresent(bits -> add(labels, Dimension.BITNESS, bits + "-bit"));
        facts.virtualization().ifPresent(hypervisor -> add(labels, Dimension.VIRTUALIZATION,
                hypervisor.equalsIgnoreCase("none") ? NOT_VIRTUALIZED : hypervisor));
    }

    private static void addHardware(ServerFacts facts, List<FactLabel> labels) {
        addCount(labels, Dimension.CPU_COUNT, facts.cpuCount());
        addCount(labels, Dimension.CPU_CORES, facts.cpuCores());
        facts.cpuSockets().ifPresent(sockets -> add(labels, Dimension.CPU_SOCKETS, Buckets.countLabel(sockets)));
        facts.cpuVendor().ifPresent(vendor -> add(labels, Dimension.CPU_VENDOR, vendor));
        facts.cpuModel().ifPresent(model -> add(labels, Dimension.CPU_MODEL, Buckets.cpuModelFamily(model)));
        facts.memoryBytes().ifPresent(bytes -> add(labels, Dimension.MEMORY, Buckets.sizeLabel(bytes)));
    }

    private static void addCount(List<FactLabel> labels, String dimension, OptionalInt count) {
        count.ifPresent(value -> add(labels, dimension, Buckets.countLabel(value)));
    }

    private static void addUsage(ServerFacts facts, List<FactLabel> labels) {
        for (Map.Entry<String, ServerFacts.EngineUsage> engine : facts.engines().entrySet()) {
            labels.add(new FactLabel(Dimension.ENGINE, engine.getKey(), boxed(engine.getValue().tables()),
                    boxed(engine.getValue().bytes())));
        }
        facts.pluginsActive().forEach(plugin -> add(labels, Dimension.PLUGIN, plugin));
        facts.featuresUsed().forEach(feature -> add(labels, Dimension.FEATURE, feature));
        facts.collationsUsed().keySet().forEach(collation -> add(labels, Dimension.COLLATION, collation));
        for (Dimension.Setting setting : Dimension.SETTINGS) {
            facts.setting(setting.variableName())
                    .or(() -> setting.formerName() == null ? Optional.empty() : facts.setting(setting.formerName()))
                    .map(String::strip).filter(value -> !value.isEmpty())
                    .ifPresent(value -> add(labels, Dimension.setting(setting.variableName()), settingLabel(setting, value)));
        }
    }

    /** Groups a size setting in a range between powers of two; other values are shown in upper case. */
    private static String settingLabel(Dimension.Setting setting, String value) {
        if (setting.isSize()) {
            try {
                return Buckets.sizeLabel(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return value.toUpperCase(Locale.ROOT);
            }
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static void add(List<FactLabel> labels, String dimension, String label) {
        labels.add(FactLabel.of(dimension, label));
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
