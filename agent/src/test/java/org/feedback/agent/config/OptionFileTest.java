package org.feedback.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionFileTest {

    @TempDir
    Path dir;

    @Test
    void read_groupsKeysAndValues_asMySqlClientsDo() throws Exception {
        Path file = write("my.cnf", """
                # comment
                ; another comment
                [Client]
                user = monitor
                password="p#ss \\"word\\""
                port=3307   # trailing comment
                [feedback-agent]
                loose-future-option = 1
                user-info = 'team a'
                skip-something
                """);

        List<OptionFile.Option> options = OptionFile.read(file);

        assertThat(options).extracting(OptionFile.Option::group).containsExactly(
                "client", "client", "client", "feedback-agent", "feedback-agent", "feedback-agent");
        assertThat(options.get(1).value()).isEqualTo("p#ss \"word\"");
        assertThat(options.get(2).value()).isEqualTo("3307");
        assertThat(options.get(3).loose()).isTrue();
        assertThat(options.get(3).key()).isEqualTo("future-option");
        assertThat(options.get(4).value()).isEqualTo("team a");
        assertThat(options.get(5).value()).isNull();
    }

    @Test
    void parseValue_escapes_unescaped() throws Exception {
        assertThat(OptionFile.parseValue("\"a\\tb\\sc\\\\d\"", "x:1")).isEqualTo("a\tb c\\d");
    }

    @Test
    void read_includeAndIncludedir_readInOrder() throws Exception {
        Path conf = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(conf.resolve("b.cnf"), "[client]\nuser=b\n");
        Files.writeString(conf.resolve("a.cnf"), "[client]\nuser=a\n");
        Files.writeString(conf.resolve("ignored.txt"), "[client]\nuser=ignored\n");
        write("extra.cnf", "[client]\nuser=extra\n");
        Path main = write("my.cnf", "!includedir " + conf + "\n!include extra.cnf\n");

        assertThat(OptionFile.read(main)).extracting(OptionFile.Option::value).containsExactly("a", "b", "extra");
    }

    @Test
    void read_selfInclude_rejectedAsLoop() throws Exception {
        Path file = write("loop.cnf", "!include loop.cnf\n");

        assertThatThrownBy(() -> OptionFile.read(file)).isInstanceOf(ConfigException.class).hasMessageContaining("loop");
    }

    @Test
    void read_optionBeforeGroup_rejectedWithLine() throws Exception {
        Path file = write("bad.cnf", "\nuser=x\n");

        assertThatThrownBy(() -> OptionFile.read(file)).isInstanceOf(ConfigException.class).hasMessageContaining("bad.cnf:2");
    }

    @Test
    void read_unclosedQuote_rejected() throws Exception {
        Path file = write("bad.cnf", "[client]\npassword=\"abc\n");

        assertThatThrownBy(() -> OptionFile.read(file)).isInstanceOf(ConfigException.class).hasMessageContaining("closing");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void read_missingFile_saysItDoesNotExist() {
        Path missing = Path.of("/nonexistent/feedback-agent.cnf");

        assertThatThrownBy(() -> OptionFile.read(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("option file /nonexistent/feedback-agent.cnf does not exist; check the path given to"
                        + " --defaults-file, --defaults-extra-file or !include");
    }
}
