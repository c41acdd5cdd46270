package org.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of the one-shot commands, {@code agent/packaging/feedback-agent}, with the packaged jar: its
 * first report writes a class data sharing archive, later runs read it, a report writes it again after the
 * jar changes, and the launcher runs without one when it cannot write it. Reports read the MariaDB on
 * 127.0.0.1:3306. Its output must stay what the jar prints.
 */
class AgentLauncherTest {

    @TempDir
    Path folder;

    @Test
    void launcher_firstReport_writesArchiveThatNextRunMaps() throws Exception {
        Path jar = copyOfAgentJar();
        Path archive = folder.resolve("cache/agent.jsa");
        Files.createDirectories(archive.getParent());
        Run direct = run(List.of(Jars.java(), "-jar", jar.toString(), "--help"), Map.of());

        Run first = launch(jar, archive, "", report());
        // -Xshare:on makes the JVM fail instead of running without the archive when it cannot map it.
        Run second = launch(jar, archive, "-Xshare:on", "--help");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).startsWith("FEEDBACK_SERVER_UID\t");
        assertThat(first.stderr()).isEmpty();
        assertThat(archive).isNotEmptyFile();
        try (Stream<Path> files = Files.list(archive.getParent())) {
            assertThat(files).containsExactly(archive);
        }
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo(direct.stdout()).contains("Usage: feedback-agent");
        assertThat(second.stderr()).isEmpty();
    }

    @Test
    void launcher_firstRunHelp_writesNoArchive() throws Exception {
        Path jar = copyOfAgentJar();
        Path archive = folder.resolve("agent.jsa");

        Run run = launch(jar, archive, "", "--help");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(archive).doesNotExist();
    }

    @Test
    void launcher_jarNewerThanArchive_rewritesArchive() throws Exception {
        Path jar = copyOfAgentJar();
        Path archive = folder.resolve("agent.jsa");
        launch(jar, archive, "", report());
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Run run = launch(jar, archive, "", report());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Files.getLastModifiedTime(jar).toInstant());
    }

    @Test
    void launcher_archiveFolderMissing_runsWithoutArchive() throws Exception {
        Path jar = copyOfAgentJar();
        Path archive = folder.resolve("missing/agent.jsa");

        Run run = launch(jar, archive, "", report());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("FEEDBACK_SERVER_UID\t");
        assertThat(run.stderr()).isEmpty();
        assertThat(archive.getParent()).doesNotExist();
    }

    @Test
    void launcher_jarMissing_namesVariableAndExits2() throws Exception {
        Run run = launch(folder.resolve("no-such.jar"), folder.resolve("agent.jsa"), "", "--help");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("feedback-agent: ").contains("no-such.jar").contains("FEEDBACK_AGENT_JAR");
    }

    /** Returns the arguments of a one-shot report of the MariaDB on 127.0.0.1:3306 that reads no option file. */
    private String[] report() {
        return new String[] {"report", "--no-defaults", "--state-dir", folder.resolve("state").toString()};
    }

    /** Copies the packaged jar, so that a test can change its modification time. */
    private Path copyOfAgentJar() throws IOException {
        return Files.copy(Jars.agent(), folder.resolve("feedback-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Run launch(Path jar, Path archive, String javaOptions, String... arguments)
            throws IOException, InterruptedException {
        String path = Path.of(Jars.java()).getParent() + ":" + System.getenv("PATH");
        List<String> command = new ArrayList<>(List.of("sh", Jars.agentLauncher().toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of("PATH", path,
                "FEEDBACK_AGENT_JAR", jar.toString(), "FEEDBACK_AGENT_CDS", archive.toString(),
                "FEEDBACK_AGENT_JAVA_OPTS", javaOptions));
    }

    /** Exit code, stdout and stderr of one finished process. */
    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(folder, "stdout", ".txt");
        Path stderr = Files.createTempFile(folder, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within 120 seconds");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
