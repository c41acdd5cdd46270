package org.feedback.agent.collect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.feedback.report.ReportKeys;
import oshi.hardware.ComputerSystem;

/**
 * Tells whether the host is a virtual machine or a container, from the firmware's vendor strings (DMI, as
 * OSHI reads them), the CPU's {@code hypervisor} flag and files that container engines leave. The checks
 * follow the ones {@code systemd-detect-virt} documents; a guest that hides all of them reads as a
 * physical host.
 */
final class Virtualization {

    /** Vendor or model substrings (lower case) and the hypervisor they name; the first match wins. */
    private static final List<String[]> HYPERVISORS = List.of(
            new String[] {"kvm", "kvm"}, new String[] {"qemu", "qemu"}, new String[] {"vmware", "vmware"},
            new String[] {"virtualbox", "oracle"}, new String[] {"innotek", "oracle"}, new String[] {"xen", "xen"},
            new String[] {"bochs", "bochs"}, new String[] {"parallels", "parallels"}, new String[] {"bhyve", "bhyve"},
            new String[] {"amazon ec2", "amazon"}, new String[] {"google compute engine", "google"},
            new String[] {"openstack", "kvm"}, new String[] {"virtual machine", "microsoft"},
            new String[] {"hyper-v", "microsoft"});

    private Virtualization() {
    }

    /** Returns the hypervisor's name, {@code none}, or {@code unknown} when a hypervisor is present but unnamed. */
    static String hypervisor(ComputerSystem system, List<String> cpuFlags, HostFiles files) {
        Optional<String> xen = files.read("/sys/hypervisor/type").map(String::strip).filter(type -> !type.isEmpty());
        if (xen.isPresent()) {
            return xen.get().toLowerCase(Locale.ROOT);
        }
        String vendorText = String.join(" ", safe(system.getManufacturer()), safe(system.getModel()),
                safe(system.getFirmware().getManufacturer())).toLowerCase(Locale.ROOT);
        for (String[] hypervisor : HYPERVISORS) {
            if (vendorText.contains(hypervisor[0])) {
                return hypervisor[1];
            }
        }
        boolean hypervisorFlag = cpuFlags.stream().anyMatch(line -> (" " + line + " ").contains(" hypervisor "));
        return hypervisorFlag ? ReportKeys.UNKNOWN : "none";
    }

    /**
     * Returns the container engine ({@code docker}, {@code podman}, {@code lxc}, {@code kubernetes},
     * {@code systemd-nspawn}, ...), {@code none}, or {@code unknown} where Linux's files cannot be read.
     */
    static String container(HostFiles files) {
        Optional<String> systemd = files.read("/run/systemd/container").map(String::strip).filter(name -> !name.isEmpty());
        if (systemd.isPresent()) {
            return systemd.get();
        }
        if (files.exists("/run/.containerenv")) {
            return "podman";
        }
        if (files.exists("/.dockerenv")) {
            return "docker";
        }
        Optional<String> cgroup = files.read("/proc/1/cgroup");
        if (cgroup.isEmpty()) {
            return files.exists("/proc/self") ? "none" : ReportKeys.UNKNOWN;
        }
        String groups = cgroup.get();
        if (groups.contains("kubepods")) {
            return "kubernetes";
        }
        if (groups.contains("/docker")) {
            return "docker";
        }
        if (groups.contains("/lxc")) {
            return "lxc";
        }
        return "none";
    }

    private static String safe(String text) {
        return text == null ? "" : text;
    }
}
