package org.feedback.agent.collect;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Tables per engine and bytes per database, read without opening any table.
 *
 * <p>{@code information_schema.TABLES} is read for {@code TABLE_SCHEMA} and {@code ENGINE} only, which the
 * server answers from the table definitions: on MariaDB 10.11 with 10,000 tables such a query raised
 * {@code Opened_tables} by 0, while asking for {@code DATA_LENGTH} raised it by 10,152 and took 2.2 s.
 * Sizes come from two cheaper sources instead:
 * <ul>
 *   <li>InnoDB: the tablespace view ({@code INNODB_SYS_TABLESPACES} on MariaDB, {@code INNODB_TABLESPACES}
 *       on MySQL 8), which reads InnoDB's own dictionary and needs PROCESS. It covers tables with a
 *       tablespace file of their own ({@code innodb_file_per_table}, the default).</li>
 *   <li>MyISAM, Aria, CSV and ARCHIVE: the sizes of the tables' files in {@code @@datadir}
 *       ({@link DataDirectory}), read only when the server runs on this host. On Debian the database
 *       directories are mode 700 and owned by {@code mysql}, so the agent must run as that user or be allowed
 *       to list them. Otherwise these sizes stay unknown and a warning is logged.</li>
 * </ul>
 *
 * <p>A size is known only when every table it covers was measured, so a database with a table of any other
 * engine has an unknown size. Names are held only in memory while counting and never enter the report,
 * and neither does the data directory's path.
 */
final class StorageInventory {

    /** Schemas of the server itself, left out of every count. */
    static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema", "sys");

    /** Engines whose tables keep no data on this host, so they add nothing to a database's size. */
    private static final Set<String> REMOTE_ENGINES = Set.of("BLACKHOLE", "FEDERATED", "FEDERATEDX", "SPIDER");

    private static final Logger LOG = Logger.getLogger(StorageInventory.class.getName());

    private static final String INNODB = "InnoDB";
    private static final String TABLE_FILTER = " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE')"
            + " AND TABLE_SCHEMA NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys')";

    private final Privileges privileges;
    /** Tables per schema and engine, as far as the account sees them. */
    private final Map<String, Map<String, Long>> tablesBySchema;
    /** Bytes and tables of file-per-table tablespaces per schema; null when the view could not be read. */
    private final Map<String, long[]> tablespacesBySchema;
    /** Measured file sizes per schema and engine (upper case); null when the data directory was not read. */
    private final Map<String, Map<String, DataDirectory.Measured>> filesBySchema;
    private final List<String> userDatabases;

    private StorageInventory(Privileges privileges, Map<String, Map<String, Long>> tablesBySchema,
                             Map<String, long[]> tablespacesBySchema,
                             Map<String, Map<String, DataDirectory.Measured>> filesBySchema, List<String> userDatabases) {
        this.privileges = privileges;
        this.tablesBySchema = tablesBySchema;
        this.tablespacesBySchema = tablespacesBySchema;
        this.filesBySchema = filesBySchema;
        this.userDatabases = userDatabases;
    }

    /**
     * Reads the inventory with three or four statements: the tablespace view is skipped without PROCESS, and
     * the names of MyISAM, Aria, CSV and ARCHIVE tables are read only when there are such tables and
     * {@code localDataDir} is given.
     *
     * @param localDataDir  the server's data directory when the server runs on this host, else {@code null}
     */
    static StorageInventory read(Session session, Privileges privileges, boolean mariaDb, Path localDataDir)
            throws SQLException {
        Map<String, Map<String, Long>> tablesBySchema = new HashMap<>();
        for (String[] row : session.query("SELECT TABLE_SCHEMA, ENGINE, COUNT(*) FROM information_schema.TABLES"
                + TABLE_FILTER + " GROUP BY TABLE_SCHEMA, ENGINE")) {
            String engine = row[1] == null ? "unknown engine" : row[1];
            tablesBySchema.computeIfAbsent(row[0], schema -> new HashMap<>()).put(engine, Long.parseLong(row[2]));
        }

        Map<String, long[]> tablespaces = privileges.readsInnodbTablespaces() ? readTablespaces(session, mariaDb) : null;
        Map<String, Map<String, DataDirectory.Measured>> files = null;
        if (privileges.seesAllTables() && hasFileTables(tablesBySchema)) {
            files = readFileSizes(session, localDataDir);
        }

        List<String> databases = new ArrayList<>();
        for (String[] row : session.query("SHOW DATABASES")) {
            if (!SYSTEM_SCHEMAS.contains(row[0].toLowerCase(Locale.ROOT))) {
                databases.add(row[0]);
            }
        }
        return new StorageInventory(privileges, tablesBySchema, tablespaces, files, databases);
    }

    private static boolean hasFileTables(Map<String, Map<String, Long>> tablesBySchema) {
        return tablesBySchema.values().stream().flatMap(engines -> engines.keySet().stream())
                .anyMatch(DataDirectory::keepsTablesInFiles);
    }

    /** Returns the measured file sizes, or null when the server is elsewhere or its directory cannot be read. */
    private static Map<String, Map<String, DataDirectory.Measured>> readFileSizes(Session session, Path dataDir)
            throws SQLException {
        if (dataDir == null) {
            LOG.fine("the database server is not on this host or did not return its datadir, so the sizes of "
                    + "MyISAM, Aria, CSV and ARCHIVE tables are reported as unknown");
            return null;
        }
        Map<String, Map<String, Set<String>>> names = new HashMap<>();
        for (String[] row : session.query("SELECT TABLE_SCHEMA, ENGINE, TABLE_NAME FROM information_schema.TABLES"
                + TABLE_FILTER + " AND ENGINE IN ('MyISAM', 'Aria', 'CSV', 'ARCHIVE')")) {
            names.computeIfAbsent(row[0], schema -> new HashMap<>())
                    .computeIfAbsent(row[1].toUpperCase(Locale.ROOT), engine -> new HashSet<>()).add(row[2]);
        }
        try {
            return DataDirectory.measure(dataDir, names);
        } catch (IOException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.toString();
            LOG.warning("cannot list the files of the data directory " + dataDir + " (" + reason + "), so the sizes"
                    + " of MyISAM, Aria, CSV and ARCHIVE tables and of the databases holding them are reported as"
                    + " unknown; run the agent as the data directory's owner (the mysql user on most systems) or"
                    + " let the agent's user list the data directory and its database directories");
            return null;
        }
    }

    private static Map<String, long[]> readTablespaces(Session session, boolean mariaDb) throws SQLException {
        String view = mariaDb ? "INNODB_SYS_TABLESPACES" : "INNODB_TABLESPACES";
        Map<String, Set<String>> tableNames = new HashMap<>();
        Map<String, long[]> bySchema = new HashMap<>();
        for (String[] row : session.query("SELECT NAME, FILE_SIZE FROM information_schema." + view + " WHERE NAME LIKE '%/%'")) {
            int slash = row[0].indexOf('/');
            String schema = FileNames.decode(row[0].substring(0, slash));
            String table = tableOf(row[0].substring(slash + 1));
            if (table == null || SYSTEM_SCHEMAS.contains(schema)) {
                continue;
            }
            long[] bytesAndTables = bySchema.computeIfAbsent(schema, s -> new long[2]);
            bytesAndTables[0] += row[1] == null ? 0 : Long.parseLong(row[1]);
            if (tableNames.computeIfAbsent(schema, s -> new HashSet<>()).add(table)) {
                bytesAndTables[1]++;
            }
        }
        return bySchema;
    }

    /**
     * Returns the table a tablespace belongs to: the name before a partition suffix ({@code #P#} on MariaDB,
     * {@code #p#} on MySQL); {@code null} for InnoDB's full-text index tables and for temporary tables,
     * which {@code information_schema.TABLES} does not list.
     */
    static String tableOf(String tablespaceTable) {
        if (tablespaceTable.startsWith("#sql") || tablespaceTable.matches("FTS_[0-9a-fA-F]{16}_.*")) {
            return null;
        }
        int hash = tablespaceTable.indexOf('#');
        return hash < 0 ? tablespaceTable : tablespaceTable.substring(0, hash);
    }

    /** Returns the tables per engine, or empty when the account does not see every table. */
    java.util.Optional<Map<String, Long>> tablesByEngine() {
        if (!privileges.seesAllTables()) {
            return java.util.Optional.empty();
        }
        Map<String, Long> byEngine = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tablesBySchema.values().forEach(engines -> engines.forEach((engine, count) -> byEngine.merge(engine, count, Long::sum)));
        return java.util.Optional.of(byEngine);
    }

    /**
     * Returns the bytes of all user tables of {@code engine}: known for InnoDB when each table has a
     * tablespace of its own and the view was read, and for MyISAM, Aria, CSV and ARCHIVE when the data
     * directory was read and every table's files were found.
     */
    OptionalLong engineBytes(String engine) {
        if (!privileges.seesAllTables()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (Map.Entry<String, Map<String, Long>> schema : tablesBySchema.entrySet()) {
            Long tables = schema.getValue().get(engine);
            OptionalLong bytes = tables == null ? OptionalLong.of(0) : bytesOf(schema.getKey(), engine, tables);
            if (bytes.isEmpty()) {
                return OptionalLong.empty();
            }
            total += bytes.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /** Returns the user databases, or empty when the account does not see every database. */
    java.util.Optional<List<String>> databases() {
        return privileges.seesAllDatabases() ? java.util.Optional.of(userDatabases) : java.util.Optional.empty();
    }

    /** Returns a database's size in bytes, when the size of each of its tables is known. */
    OptionalLong databaseBytes(String schema) {
        if (!privileges.seesAllTables()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (Map.Entry<String, Long> engine : tablesBySchema.getOrDefault(schema, Map.of()).entrySet()) {
            OptionalLong bytes = bytesOf(schema, engine.getKey(), engine.getValue());
            if (bytes.isEmpty()) {
                return OptionalLong.empty();
            }
            total += bytes.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /** Returns the bytes of one engine's {@code tables} tables in a schema, when every one of them was measured. */
    private OptionalLong bytesOf(String schema, String engine, long tables) {
        String upper = engine.toUpperCase(Locale.ROOT);
        if (REMOTE_ENGINES.contains(upper)) {
            return OptionalLong.of(0);
        }
        if (engine.equalsIgnoreCase(INNODB) && tablespacesBySchema != null) {
            long[] tablespaces = tablespacesBySchema.getOrDefault(schema, new long[2]);
            return tablespaces[1] == tables ? OptionalLong.of(tablespaces[0]) : OptionalLong.empty();
        }
        if (DataDirectory.keepsTablesInFiles(upper) && filesBySchema != null) {
            DataDirectory.Measured files = filesBySchema.getOrDefault(schema, Map.of()).get(upper);
            return files != null && files.tables() == tables ? OptionalLong.of(files.bytes()) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
