package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files the host facts are read from, under a root directory so tests can lay out their own.
 * A file that is missing or unreadable reads as empty.
 */
final class HostFiles {

    private final Path root;

    /** @param root  {@code /} for the real host */
    HostFiles(Path root) {
        this.root = root;
    }

    static HostFiles system() {
        return new HostFiles(Path.of("/"));
    }

    /** Returns the text of a file given as an absolute path such as {@code /proc/1/cgroup}. */
    Optional<String> read(String absolutePath) {
        Path path = root.resolve(absolutePath.substring(1));
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Returns whether a file or directory given as an absolute path exists. */
    boolean exists(String absolutePath) {
        return Files.exists(root.resolve(absolutePath.substring(1)));
    }

    /** Returns the fields of {@code /etc/os-release}, or of {@code /usr/lib/os-release} when the first is missing. */
    Map<String, String> osRelease() {
        Optional<String> text = read("/etc/os-release").or(() -> read("/usr/lib/os-release"));
        return text.map(HostFiles::parseOsRelease).orElse(Map.of());
    }

    /**
     * Parses os-release lines {@code KEY=value} with shell quoting: a value may be unquoted, in double
     * quotes (where backslash escapes {@code " \ $ `}), or in single quotes (taken literally). Each
     * value is made one line: control characters become spaces.
     */
    static Map<String, String> parseOsRelease(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String value = unquote(trimmed.substring(equals + 1));
            fields.put(trimmed.substring(0, equals), value.replaceAll("\\p{Cntrl}", " ").strip());
        }
        return fields;
    }

    private static String unquote(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < raw.length()
                    && (quote == 0 || List.of('"', '\\', '$', '`').contains(raw.charAt(i + 1)))) {
                out.append(raw.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
