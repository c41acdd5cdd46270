package org.feedback.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads option files in the format of MySQL and MariaDB ({@code my.cnf}): {@code [group]} headers,
 * {@code key = value} lines, bare {@code key} lines, {@code #} and {@code ;} comments, single- or
 * double-quoted values with the escapes {@code \n \t \r \b \s \\ \" \'}, and the directives
 * {@code !include FILE} and {@code !includedir DIR} (the {@code .cnf} files of the directory, in name order).
 */
final class OptionFile {

    /** Includes deeper than this are rejected, so a file that includes itself cannot loop. */
    private static final int MAX_INCLUDE_DEPTH = 10;

    /**
     * One option line.
     *
     * @param group  the group it is in, lower case, for example {@code client}
     * @param key    the option name as written, without a {@code loose-} prefix
     * @param value  the value, unquoted; {@code null} for a bare key
     * @param loose  whether the name had the {@code loose-} prefix, which asks readers to skip it when unknown
     * @param origin file and line, for messages
     */
    record Option(String group, String key, String value, boolean loose, String origin) {
    }

    private OptionFile() {
    }

    /** Reads {@code file} and every file it includes, in order. */
    static List<Option> read(Path file) throws ConfigException {
        List<Option> options = new ArrayList<>();
        read(file, 0, options);
        return options;
    }

    private static void read(Path file, int depth, List<Option> options) throws ConfigException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new ConfigException("option file " + file + " is included more than " + MAX_INCLUDE_DEPTH
                    + " levels deep; check its !include lines for a loop");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("option file " + file + " does not exist; check the path given to"
                    + " --defaults-file, --defaults-extra-file or !include");
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read option file " + file + ": permission denied for the user the"
                    + " agent runs as");
        } catch (IOException e) {
            throw new ConfigException("cannot read option file " + file + ": " + e.getMessage());
        }
        String group = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String origin = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("!include ")) {
                read(file.resolveSibling(line.substring("!include ".length()).strip()), depth + 1, options);
            } else if (line.startsWith("!includedir ")) {
                readDirectory(file.resolveSibling(line.substring("!includedir ".length()).strip()), depth + 1, options);
            } else if (line.startsWith("[")) {
                group = parseGroup(line, origin);
            } else if (group == null) {
                throw new ConfigException(origin + ": option '" + line + "' comes before any [group] header");
            } else {
                options.add(parseOption(group, line, origin));
            }
        }
    }

    private static void readDirectory(Path directory, int depth, List<Option> options) throws ConfigException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".cnf")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list option directory " + directory + ": " + e.getMessage());
        }
        for (Path file : files) {
            read(file, depth, options);
        }
    }

    private static String parseGroup(String line, String origin) throws ConfigException {
        int end = line.indexOf(']');
        if (end < 0) {
            throw new ConfigException(origin + ": group header '" + line + "' lacks the closing ']'");
        }
        return line.substring(1, end).strip().toLowerCase(Locale.ROOT);
    }

    private static Option parseOption(String group, String line, String origin) throws ConfigException {
        int equals = line.indexOf('=');
        String name = (equals < 0 ? stripComment(line) : line.substring(0, equals)).strip();
        boolean loose = name.toLowerCase(Locale.ROOT).startsWith("loose-") || name.toLowerCase(Locale.ROOT).startsWith("loose_");
        String key = loose ? name.substring("loose-".length()) : name;
        if (key.isEmpty()) {
            throw new ConfigException(origin + ": option line '" + line + "' has no name");
        }
        String value = equals < 0 ? null : parseValue(line.substring(equals + 1).strip(), origin);
        return new Option(group, key, value, loose, origin);
    }

    /** Unquotes a value; outside quotes, a {@code #} starts a comment. */
    static String parseValue(String raw, String origin) throws ConfigException {
        if (raw.isEmpty()) {
            return "";
        }
        char first = raw.charAt(0);
        if (first != '"' && first != '\'') {
            return unescape(stripComment(raw).strip());
        }
        int close = findClosingQuote(raw, first);
        if (close < 0) {
            throw new ConfigException(origin + ": value " + raw + " lacks its closing " + first);
        }
        String rest = raw.substring(close + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new ConfigException(origin + ": unexpected text '" + rest + "' after the quoted value");
        }
        return unescape(raw.substring(1, close));
    }

    private static int findClosingQuote(String raw, char quote) {
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String stripComment(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 's' -> out.append(' ');
                case '\\', '"', '\'' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
