package org.feedback.agent.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which option files to read, as the MySQL clients choose them.
 *
 * @param noDefaults    {@code --no-defaults}: read no option file at all
 * @param defaultsFile  {@code --defaults-file}: read only this file
 * @param extraFile     {@code --defaults-extra-file}: read this file after the usual ones
 */
public record OptionFiles(boolean noDefaults, Optional<Path> defaultsFile, Optional<Path> extraFile) {

    /** The usual files: {@code /etc/my.cnf}, {@code /etc/mysql/my.cnf}, {@code ~/.my.cnf}. */
    public static final OptionFiles USUAL = new OptionFiles(false, Optional.empty(), Optional.empty());

    /** No option file at all. */
    public static final OptionFiles NONE = new OptionFiles(true, Optional.empty(), Optional.empty());

    /** Only {@code file}. */
    public static OptionFiles only(Path file) {
        return new OptionFiles(false, Optional.of(file), Optional.empty());
    }
}
