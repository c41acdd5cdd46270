package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;

/**
 * Reads the hardware and operating system facts with OSHI, under the names MariaDB's feedback plugin
 * uses: {@code Cpu_count}, {@code Mem_total}, {@code Now} and {@code Uname_*}.
 */
final class HostCollector {

    private static final Path KERNEL_VERSION = Path.of("/proc/sys/kernel/version");

    private final Clock clock;

    HostCollector(Clock clock) {
        this.clock = clock;
    }

    Report collect() {
        SystemInfo system = new SystemInfo();
        HardwareAbstractionLayer hardware = system.getHardware();
        OperatingSystem os = system.getOperatingSystem();

        return Report.builder()
                .add(ReportKeys.CPU_COUNT, String.valueOf(hardware.getProcessor().getLogicalProcessorCount()))
                .add(ReportKeys.MEM_TOTAL, String.valueOf(hardware.getMemory().getTotal()))
                .add(ReportKeys.NOW, String.valueOf(clock.instant().getEpochSecond()))
                .add(ReportKeys.UNAME_SYSNAME, System.getProperty("os.name"))
                .add(ReportKeys.UNAME_RELEASE, System.getProperty("os.version"))
                .add(ReportKeys.UNAME_VERSION, kernelVersion(os))
                .add(ReportKeys.UNAME_MACHINE, machine(System.getProperty("os.arch")))
                .add(ReportKeys.UNAME_DISTRIBUTION, distribution(os))
                .build();
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
}
