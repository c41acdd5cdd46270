package org.feedback.generator;

import java.util.Map;
import java.util.SplittableRandom;
import org.feedback.report.Report;

/**
 * One synthetic server: when it reported, which versions it ran, and the full report it sends. Everything
 * is drawn from a random generator seeded with the server's index, so the same seed gives the same server.
 */
final class SyntheticServer {

    final int index;
    final boolean noticesOnly;
    final Population.Series series;
    /** Major.minor the server ran before {@link #upgradeWeek}, or {@code null} when it never upgraded. */
    final String previousMajorMinor;
    final int upgradeWeek;
    final int firstWeek;
    final int lastWeek;
    /** Day of the week (0 = Monday) and second of that day at which the server reports. */
    final int weekday;
    final int secondOfDay;

    private final long seed;

    SyntheticServer(long populationSeed, int index, int weeks) {
        this.index = index;
        this.seed = populationSeed * 1_000_003L + index;
        SplittableRandom random = new SplittableRandom(seed);
        this.noticesOnly = random.nextDouble() < Population.NOTICES_ONLY_SHARE;
        this.series = Population.SERIES.draw(random);
        // Two thirds were installed before the year began; the rest arrive evenly through it.
        this.firstWeek = random.nextDouble() < 0.65 ? 0 : random.nextInt(weeks);
        // 15% stop reporting at some point (decommissioned, or the plugin turned off).
        this.lastWeek = random.nextDouble() < 0.15 ? firstWeek + random.nextInt(weeks - firstWeek) : weeks - 1;
        boolean upgraded = series.upgradedFrom() != null && random.nextDouble() < 0.25 && lastWeek > firstWeek;
        this.previousMajorMinor = upgraded ? series.upgradedFrom() : null;
        this.upgradeWeek = upgraded ? firstWeek + 1 + random.nextInt(lastWeek - firstWeek) : -1;
        this.weekday = random.nextInt(7);
        this.secondOfDay = random.nextInt(86_400);
    }

    /** Returns the anonymous server id, 28 characters like the plugin's. */
    String serverUid() {
        return String.format("gen%024d=", index);
    }

    String flavorAt(int week) {
        return noticesOnly ? null : series.flavor();
    }

    String majorMinorAt(int week) {
        if (noticesOnly) {
            return null;
        }
        return previousMajorMinor != null && week < upgradeWeek ? previousMajorMinor : series.majorMinor();
    }

    Integer majorAt(int week) {
        String majorMinor = majorMinorAt(week);
        return majorMinor == null ? null : Integer.valueOf(majorMinor.substring(0, majorMinor.indexOf('.')));
    }

    /** Returns the server's latest report: a notice, or a full report as the agent sends it. */
    Report latestReport(long now) {
        Report.Builder report = Report.builder().add("FEEDBACK_SERVER_UID", serverUid());
        if (noticesOnly) {
            return report.add("FEEDBACK_WHEN", "startup").add("FEEDBACK_USER_INFO", "").build();
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int patch = Math.max(0, series.latestPatch() - (int) Math.abs(random.nextGaussian() * 4));
        report.add("VERSION", series.majorMinor() + "." + patch + series.suffix())
                .add("VERSION_COMMENT", series.comment())
                .add("Now", Long.toString(now));
        addPlatform(report, random);
        addUsage(report, random);
        return report.build();
    }

    private void addPlatform(Report.Builder report, SplittableRandom random) {
        double os = random.nextDouble();
        String architecture = Population.ARCHITECTURE.draw(random);
        if (os < 0.97) {
            Population.Distribution distribution = Population.LINUX.draw(random);
            report.add("Uname_sysname", "Linux").add("Uname_release", distribution.kernelRelease())
                    .add("Uname_distribution", "os-release: " + distribution.osRelease());
        } else if (os < 0.995) {
            architecture = "x86_64";
            report.add("Uname_sysname", "Windows").add("Uname_release", "10.0");
        } else {
            report.add("Uname_sysname", "FreeBSD").add("Uname_release", "14.1-RELEASE");
        }
        report.add("Uname_machine", architecture);

        int cpus = Population.CPU_COUNT.draw(random);
        int sockets = cpus >= 16 ? Population.SOCKETS.draw(random) : 1;
        int cores = random.nextDouble() < 0.6 ? Math.max(1, cpus / 2) : cpus;
        Population.Cpu cpu = architecture.equals("aarch64") ? Population.ARM_CPU.draw(random) : Population.X86_CPU.draw(random);
        long memoryBytes = (long) cpus * Population.MEMORY_GIB_PER_CPU.draw(random) * (1L << 30) * 97 / 100;
        report.add("Cpu_count", Integer.toString(cpus)).add("Mem_total", Long.toString(memoryBytes))
                .add("Host_cpu_cores", Integer.toString(cores)).add("Host_cpu_sockets", Integer.toString(sockets))
                .add("Host_cpu_vendor", cpu.vendor()).add("Host_cpu_model", cpu.model())
                .add("Host_virtualization", Population.VIRTUALIZATION.draw(random));

        long bufferPool = random.nextDouble() < 0.4 ? 134_217_728L : memoryBytes * (50 + random.nextInt(26)) / 100;
        report.add("INNODB_BUFFER_POOL_SIZE", Long.toString(bufferPool))
                .add("BINLOG_FORMAT", Population.BINLOG_FORMAT.draw(random))
                .add("DEFAULT_STORAGE_ENGINE", "InnoDB")
                .add("TRANSACTION_ISOLATION", Population.ISOLATION.draw(random))
                .add("MAX_CONNECTIONS", Population.MAX_CONNECTIONS.draw(random));
        if (!series.majorMinor().startsWith("8.") && !series.majorMinor().startsWith("9.")) {
            report.add("QUERY_CACHE_TYPE", Population.QUERY_CACHE_TYPE.draw(random));
        }
    }

    private void addUsage(Report.Builder report, SplittableRandom random) {
        long innodbTables = (long) Math.exp(5 + random.nextGaussian() * 1.5);
        report.add("Engine InnoDB tables", Long.toString(innodbTables))
                .add("Engine InnoDB bytes", Long.toString(innodbTables * (long) Math.exp(14 + random.nextGaussian() * 2)));
        addEngine(report, random, "MyISAM", 0.35);
        addEngine(report, random, "MEMORY", 0.10);
        addEngine(report, random, "CSV", 0.05);
        if (series.flavor().equals("MariaDB")) {
            addEngine(report, random, "Aria", 1.0);
        }

        Population.BASE_PLUGINS.get(series.flavor()).forEach(plugin -> report.add(plugin + " version", "1.0"));
        addSome(random, Population.OPTIONAL_PLUGINS, plugin -> report.add(plugin + " version", "1.0"));
        if (series.flavor().equals("MariaDB")) {
            addSome(random, Population.FEATURES, feature -> report.add("Feature_" + feature, Integer.toString(1 + random.nextInt(1000))));
        }
        addSome(random, Population.COLLATIONS, collation -> report.add("Collation used " + collation,
                Integer.toString(1 + random.nextInt(500))));
    }

    private static void addEngine(Report.Builder report, SplittableRandom random, String engine, double share) {
        if (random.nextDouble() < share) {
            long tables = 1 + (long) Math.exp(2 + random.nextGaussian());
            report.add("Engine " + engine + " tables", Long.toString(tables))
                    .add("Engine " + engine + " bytes", Long.toString(tables * (long) Math.exp(12 + random.nextGaussian())));
        }
    }

    private static void addSome(SplittableRandom random, Map<String, Double> shares, java.util.function.Consumer<String> add) {
        shares.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(entry -> random.nextDouble() < entry.getValue()).forEach(entry -> add.accept(entry.getKey()));
    }
}
