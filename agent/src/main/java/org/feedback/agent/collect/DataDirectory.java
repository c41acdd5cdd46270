package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sizes of MyISAM, Aria, CSV and ARCHIVE tables, read from the sizes of their files in the server's data
 * directory. Only file attributes are read: no table is opened or locked, and no file is opened.
 *
 * <p>A database {@code d} keeps its tables in the directory {@code d} of the data directory, both names in
 * the server's file-name encoding ({@link FileNames}). A table {@code t} has {@code t.MYD} and {@code t.MYI}
 * (MyISAM), {@code t.MAD} and {@code t.MAI} (Aria), {@code t.CSV} and {@code t.CSM} (CSV) or {@code t.ARZ}
 * (ARCHIVE); a partitioned table has such files per partition, named {@code t#P#p0.MYD} and so on. A table
 * counts as measured when at least its data file (the first extension above) was found.
 *
 * <p>NOTE: a server in a container, reached through a port published on a loopback address, counts as
 * local. If this host has a directory at the same path as the container's {@code @@datadir}, files are
 * matched there by database and table name and may belong to another server.
 */
final class DataDirectory {

    /** File name extensions per engine in upper case, the data file's first. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "MYISAM", List.of("MYD", "MYI"),
            "ARIA", List.of("MAD", "MAI"),
            "CSV", List.of("CSV", "CSM"),
            "ARCHIVE", List.of("ARZ"));

    private static final Map<String, String> ENGINE_BY_EXTENSION = engineByExtension();

    private DataDirectory() {
    }

    /** Returns whether the sizes of {@code engine}'s tables can be read from the data directory. */
    static boolean keepsTablesInFiles(String engine) {
        return EXTENSIONS.containsKey(engine.toUpperCase(Locale.ROOT));
    }

    /**
     * Sums the file sizes of the given tables.
     *
     * @param dataDir  the server's {@code @@datadir}
     * @param tables   table names per database and engine (engine in upper case), as the server names them
     * @return bytes and measured tables per database and engine (upper case); a table whose data file was
     *         not found is not counted
     * @throws IOException when the data directory or a database directory cannot be listed, such as for
     *                     lack of permission
     */
    static Map<String, Map<String, Measured>> measure(Path dataDir, Map<String, Map<String, Set<String>>> tables)
            throws IOException {
        Map<String, Path> directories = databaseDirectories(dataDir);
        Map<String, Map<String, Measured>> result = new HashMap<>();
        for (Map.Entry<String, Map<String, Set<String>>> database : tables.entrySet()) {
            Path directory = directories.get(database.getKey());
            if (directory != null) {
                result.put(database.getKey(), measureDatabase(directory, database.getValue()));
            }
        }
        return result;
    }

    /** Bytes of the files of an engine's tables in one database, and how many of the tables were found. */
    static final class Measured {
        private final Set<String> tablesFound = new HashSet<>();
        private long bytes;

        long bytes() {
            return bytes;
        }

        int tables() {
            return tablesFound.size();
        }
    }

    private static Map<String, Path> databaseDirectories(Path dataDir) throws IOException {
        Map<String, Path> byDatabase = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir, Files::isDirectory)) {
            for (Path entry : entries) {
                byDatabase.put(FileNames.decode(entry.getFileName().toString()), entry);
            }
        }
        return byDatabase;
    }

    private static Map<String, Measured> measureDatabase(Path directory, Map<String, Set<String>> tablesByEngine)
            throws IOException {
        Map<String, Measured> byEngine = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String engine = dot < 0 ? null : ENGINE_BY_EXTENSION.get(name.substring(dot + 1));
                String table = engine == null ? null : tableOfFile(name.substring(0, dot));
                if (table != null && tablesByEngine.getOrDefault(engine, Set.of()).contains(table)) {
                    boolean isDataFile = name.endsWith("." + EXTENSIONS.get(engine).get(0));
                    add(byEngine.computeIfAbsent(engine, e -> new Measured()), file, table, isDataFile);
                }
            }
        }
        return byEngine;
    }

    /** Returns the decoded table name of a file name without extension; null for temporary tables. */
    private static String tableOfFile(String baseName) {
        String table = StorageInventory.tableOf(baseName);
        return table == null ? null : FileNames.decode(table);
    }

    private static void add(Measured measured, Path file, String table, boolean isDataFile) throws IOException {
        try {
            // Follows symbolic links, which a table created with DATA DIRECTORY or INDEX DIRECTORY has.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return;
            }
            measured.bytes += attributes.size();
        } catch (NoSuchFileException droppedMeanwhile) {
            return;
        }
        if (isDataFile) {
            measured.tablesFound.add(table);
        }
    }

    private static Map<String, String> engineByExtension() {
        Map<String, String> byExtension = new HashMap<>();
        EXTENSIONS.forEach((engine, extensions) -> extensions.forEach(extension -> byExtension.put(extension, engine)));
        return Map.copyOf(byExtension);
    }
}
