package org.feedback.agent.collect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What the collectors of one collection share: the session, and what earlier collectors read from the
 * server (variables, status values, storage engine plugins) so nothing is asked twice.
 */
final class CollectionContext {

    private static final Logger LOG = Logger.getLogger(CollectionContext.class.getName());

    private final Session session;
    private final CounterSample previous;
    private final boolean serverIsLocal;
    private Map<String, String> variables;
    private Map<String, String> status;
    private List<String> activeEngines;
    private Privileges privileges;
    private StorageInventory inventory;
    private SQLException inventoryFailure;

    /** Creates a context that never reads the data directory, as for a server on another host. */
    CollectionContext(Session session, CounterSample previous) {
        this(session, previous, false);
    }

    /**
     * @param session        the open session, or {@code null} when the host facts are collected alone
     * @param previous       counters at the start of the interval, or {@code null} to count from the server's start
     * @param serverIsLocal  whether the server runs on this host, so that its data directory can be read
     */
    CollectionContext(Session session, CounterSample previous, boolean serverIsLocal) {
        this.session = session;
        this.previous = previous;
        this.serverIsLocal = serverIsLocal;
    }

    Session session() {
        if (session == null) {
            throw new IllegalStateException("this collection has no database session");
        }
        return session;
    }

    CounterSample previous() {
        return previous;
    }

    /** Returns the global variables, or {@code null} when they could not be read. */
    Map<String, String> variables() {
        return variables;
    }

    void variables(Map<String, String> variables) {
        this.variables = variables;
    }

    /** Returns the global status values, or {@code null} when they could not be read. */
    Map<String, String> status() {
        return status;
    }

    void status(Map<String, String> status) {
        this.status = status;
    }

    /** Returns the names of the active storage engine plugins, or {@code null} when unknown. */
    List<String> activeEngines() {
        return activeEngines;
    }

    void activeEngines(List<String> engines) {
        this.activeEngines = engines;
    }

    /** Returns whether the server is MariaDB, judged by its version string; MySQL otherwise. */
    boolean isMariaDb() {
        return variables != null && variables.getOrDefault("version", "").contains("MariaDB");
    }

    /** Returns the account's global privileges; none when {@code SHOW GRANTS} fails. */
    Privileges privileges() {
        if (privileges == null) {
            try {
                privileges = Privileges.parse(session().query("SHOW GRANTS").stream().map(row -> row[0]).toList());
            } catch (SQLException e) {
                LOG.warning("cannot read the collecting account's privileges with SHOW GRANTS, so counts that need "
                        + "them are reported as unknown: " + e.getMessage());
                privileges = Privileges.NONE;
            }
        }
        return privileges;
    }

    /** Returns the server's {@code @@datadir} when the server runs on this host and its variables were read, else null. */
    Path localDataDir() {
        String dataDir = variables == null ? null : variables.get("datadir");
        return serverIsLocal && dataDir != null && !dataDir.isBlank() ? Path.of(dataDir) : null;
    }

    /** Returns the table and tablespace inventory, read once for the engine and database collectors. */
    StorageInventory inventory() throws SQLException {
        if (inventoryFailure != null) {
            throw inventoryFailure;
        }
        if (inventory == null) {
            try {
                inventory = StorageInventory.read(session(), privileges(), isMariaDb(), localDataDir());
            } catch (SQLException e) {
                inventoryFailure = e;
                throw e;
            }
        }
        return inventory;
    }
}
