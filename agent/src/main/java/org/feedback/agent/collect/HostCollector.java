package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;

/**
 * Hardware and operating system facts, read with OSHI and, on Linux, from {@code /etc/os-release} and
 * {@code /proc}. The plugin's names come first ({@code Cpu_count}, {@code Mem_total}, {@code Now},
 * {@code Uname_*}), then the agent's {@code Host_*} and {@code Os_*} keys.
 */
final class HostCollector implements Collector {

    private static final Path KERNEL_VERSION = Path.of("/proc/sys/kernel/version");

    private final Clock clock;
    private final HostFiles files;

    HostCollector(Clock clock, HostFiles files) {
        this.clock = clock;
        this.files = files;
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public List<String> keysOnFailure() {
        return List.of(ReportKeys.HOST_CPU_MODEL, ReportKeys.HOST_CPU_VENDOR, ReportKeys.HOST_CPU_SPEED_HZ, ReportKeys.HOST_CPU_SOCKETS,
                ReportKeys.HOST_CPU_CORES, ReportKeys.HOST_CPU_BITS, ReportKeys.HOST_VIRTUALIZATION, ReportKeys.HOST_CONTAINER,
                ReportKeys.OS_FAMILY, ReportKeys.OS_DISTRIBUTION_NAME, ReportKeys.OS_DISTRIBUTION_VERSION);
    }

    @Override
    public void collect(CollectionContext context, Report.Builder out) {
        SystemInfo system = new SystemInfo();
        HardwareAbstractionLayer hardware = system.getHardware();
        OperatingSystem os = system.getOperatingSystem();
        CentralProcessor processor = hardware.getProcessor();
        CentralProcessor.ProcessorIdentifier cpu = processor.getProcessorIdentifier();
        Map<String, String> osRelease = files.osRelease();

        out.add(ReportKeys.CPU_COUNT, String.valueOf(processor.getLogicalProcessorCount()));
        out.add(ReportKeys.MEM_TOTAL, String.valueOf(hardware.getMemory().getTotal()));
        out.add(ReportKeys.NOW, String.valueOf(clock.instant().getEpochSecond()));
        out.add(ReportKeys.UNAME_SYSNAME, System.getProperty("os.name"));
        out.add(ReportKeys.UNAME_RELEASE, System.getProperty("os.version"));
        out.add(ReportKeys.UNAME_VERSION, kernelVersion(os));
        out.add(ReportKeys.UNAME_MACHINE, machine(System.getProperty("os.arch")));
        out.add(ReportKeys.UNAME_DISTRIBUTION, distribution(os));

        out.add(ReportKeys.HOST_CPU_MODEL, textOrUnknown(cpu.getName()));
        out.add(ReportKeys.HOST_CPU_VENDOR, textOrUnknown(cpu.getVendor()));
        out.add(ReportKeys.HOST_CPU_SPEED_HZ, positiveOrUnknown(cpu.getVendorFreq()));
        out.add(ReportKeys.HOST_CPU_SOCKETS, positiveOrUnknown(processor.getPhysicalPackageCount()));
        out.add(ReportKeys.HOST_CPU_CORES, positiveOrUnknown(processor.getPhysicalProcessorCount()));
        out.add(ReportKeys.HOST_CPU_BITS, cpu.isCpu64bit() ? "64" : "32");
        out.add(ReportKeys.HOST_VIRTUALIZATION, Virtualization.hypervisor(hardware.getComputerSystem(), processor.getFeatureFlags(), files));
        out.add(ReportKeys.HOST_CONTAINER, Virtualization.container(files));
        out.add(ReportKeys.OS_FAMILY, family(SystemInfo.getCurrentPlatform()));
        out.add(ReportKeys.OS_DISTRIBUTION_NAME, osRelease.getOrDefault("NAME", ReportKeys.UNKNOWN));
        out.add(ReportKeys.OS_DISTRIBUTION_VERSION, osRelease.getOrDefault("VERSION_ID", osRelease.getOrDefault("VERSION", ReportKeys.UNKNOWN)));
    }

    /** Returns the operating system family, such as {@code Linux}, {@code Windows} or {@code macOS}. */
    static String family(PlatformEnum platform) {
        return switch (platform) {
            case LINUX, ANDROID -> "Linux";
            case WINDOWS, WINDOWSCE -> "Windows";
            case MACOS -> "macOS";
            case FREEBSD, KFREEBSD -> "FreeBSD";
            case OPENBSD -> "OpenBSD";
            case NETBSD -> "NetBSD";
            case SOLARIS -> "Solaris";
            case AIX -> "AIX";
            case GNU -> "GNU";
            case UNKNOWN -> ReportKeys.UNKNOWN;
        };
    }

    /** Returns what {@code uname -v} prints: on Linux the kernel's build string. */
    private static String kernelVersion(OperatingSystem os) {
        try {
            if (Files.isReadable(KERNEL_VERSION)) {
                return Files.readString(KERNEL_VERSION).strip();
            }
        } catch (IOException e) {
            // fall back to OSHI's build number below
        }
        String build = os.getVersionInfo().getBuildNumber();
        return build == null ? "" : build;
    }

    /** Maps the JVM's architecture name to the one {@code uname -m} prints. */
    static String machine(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }

    /** Returns the distribution in the plugin's form, for example {@code os-release: Debian GNU/Linux 12 (bookworm)}. */
    private static String distribution(OperatingSystem os) {
        StringBuilder name = new StringBuilder(os.getFamily());
        String version = os.getVersionInfo().getVersion();
        String codeName = os.getVersionInfo().getCodeName();
        if (version != null && !version.isBlank() && !"unknown".equalsIgnoreCase(version)) {
            name.append(' ').append(version);
        }
        if (codeName != null && !codeName.isBlank()) {
            name.append(" (").append(codeName).append(')');
        }
        return "os-release: " + name;
    }

    private static String textOrUnknown(String text) {
        return text == null || text.isBlank() ? ReportKeys.UNKNOWN : text.strip().replaceAll("\\s+", " ");
    }

    private static String positiveOrUnknown(long value) {
        return value > 0 ? String.valueOf(value) : ReportKeys.UNKNOWN;
    }
}
