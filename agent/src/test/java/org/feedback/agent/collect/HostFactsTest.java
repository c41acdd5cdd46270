package org.feedback.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.feedback.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactsTest {

    @TempDir
    Path root;

    @Test
    void parseOsRelease_shellQuoting_oneLine() {
        Map<String, String> fields = HostFiles.parseOsRelease("""
                NAME="Debian GNU/Linux"
                VERSION_ID='12'
                PRETTY_NAME="A \\"quoted\\" \\$name"
                ID=debian
                # comment
                VARIANT=with\\ space
                """);

        assertThat(fields).containsEntry("NAME", "Debian GNU/Linux").containsEntry("VERSION_ID", "12")
                .containsEntry("PRETTY_NAME", "A \"quoted\" $name").containsEntry("ID", "debian")
                .containsEntry("VARIANT", "with space");
    }

    @Test
    void osRelease_etcMissing_readsUsrLib() throws Exception {
        write("/usr/lib/os-release", "NAME=Fedora\nVERSION_ID=40\n");

        assertThat(new HostFiles(root).osRelease()).containsEntry("NAME", "Fedora");
    }

    @Test
    void container_markers_named() throws Exception {
        assertThat(Virtualization.container(new HostFiles(root))).isEqualTo("unknown");

        write("/proc/1/cgroup", "0::/\n");
        assertThat(Virtualization.container(new HostFiles(root))).isEqualTo("none");

        write("/proc/1/cgroup", "0::/kubepods/besteffort/pod1\n");
        assertThat(Virtualization.container(new HostFiles(root))).isEqualTo("kubernetes");

        write("/.dockerenv", "");
        assertThat(Virtualization.container(new HostFiles(root))).isEqualTo("docker");

        write("/run/systemd/container", "lxc\n");
        assertThat(Virtualization.container(new HostFiles(root))).isEqualTo("lxc");
    }

    @Test
    void collect_thisHost_everyHostKeyHasAValue() throws Exception {
        Report.Builder out = Report.builder();
        HostCollector collector = new HostCollector(Clock.systemUTC(), HostFiles.system());

        collector.collect(new CollectionContext(null, null), out);

        Report report = out.build();
        for (String key : collector.keysOnFailure()) {
            assertThat(report.value(key)).as(key).hasValueSatisfying(value -> assertThat(value).isNotBlank());
        }
        assertThat(report.value("Host_cpu_bits")).hasValueSatisfying(bits -> assertThat(bits).isIn("32", "64"));
        assertThat(report.value("Os_family")).contains("Linux");
    }

    private void write(String absolutePath, String text) throws Exception {
        Path file = root.resolve(absolutePath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
