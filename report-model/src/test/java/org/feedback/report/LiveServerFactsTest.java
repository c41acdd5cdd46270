package org.feedback.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a report from the running MariaDB server on 127.0.0.1:3306 (user root, no password) the way the
 * agent does, with {@code SHOW GLOBAL VARIABLES} filtered by the allowlist, {@code SHOW GLOBAL STATUS} and
 * {@code information_schema.PLUGINS}, then checks the scrubbed, written and parsed report against what the
 * server itself returns. The test only reads.
 */
class LiveServerFactsTest {

    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=5000";

    private static Connection connection;
    private static Report scrubbed;
    private static ServerFacts facts;
    private static Set<String> featuresBefore;

    @BeforeAll
    static void collectReport() throws Exception {
        connection = DriverManager.getConnection(URL);
        featuresBefore = featuresInUse();

        Report report = collect();
        scrubbed = new Scrubber().scrub(report).report();
        Report parsed = new ReportParser().parse(ReportWriter.toEscapedBytes(scrubbed));

        assertThat(parsed).isEqualTo(scrubbed);
        facts = ServerFacts.from(parsed);
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void from_liveServer_readsFlavorAndVersionAsServerReports() throws Exception {
        DatabaseMetaData metaData = connection.getMetaData();

        assertThat(facts.flavor()).contains(ServerFacts.Flavor.MARIADB);
        assertThat(facts.version()).contains(queryString("SELECT VERSION()"));
        assertThat(facts.majorVersion()).hasValue(metaData.getDatabaseMajorVersion());
        assertThat(facts.minorVersion()).hasValue(metaData.getDatabaseMinorVersion());
        assertThat(facts.patchVersion()).isPresent();
    }

    @Test
    void from_liveServer_readsSettingsAndUptime() throws Exception {
        long uptimeAfter = Long.parseLong(queryString("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'UPTIME'"));

        assertThat(facts.setting("MAX_CONNECTIONS")).contains(queryString("SELECT @@max_connections"));
        assertThat(facts.setting("character_set_server")).contains(queryString("SELECT @@character_set_server"));
        assertThat(facts.uptimeSeconds()).isPresent();
        assertThat(facts.uptimeSeconds().getAsLong()).isBetween(0L, uptimeAfter);
    }

    @Test
    void from_liveServer_listsExactlyTheActivePlugins() throws Exception {
        Set<String> active = queryColumn("SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_STATUS = 'ACTIVE'");

        assertThat(facts.pluginsActive()).containsExactlyInAnyOrderElementsOf(active);
        assertThat(facts.pluginsActive()).contains("InnoDB");
    }

    @Test
    void from_liveServer_listsFeaturesAboveZero() throws Exception {
        Set<String> featuresAfter = featuresInUse();

        assertThat(facts.featuresUsed()).containsAll(featuresBefore);
        assertThat(featuresAfter).containsAll(facts.featuresUsed());
    }

    @Test
    void scrub_liveServerReport_leavesNoPathOrDeniedValue() throws Exception {
        String datadir = stripTrailingSlash(queryString("SELECT @@datadir"));
        String socket = queryString("SELECT @@socket");

        for (Report.Entry entry : scrubbed.entries()) {
            assertThat(entry.value()).as(entry.name()).doesNotContain(datadir).doesNotContain(socket);
            PrivacyRules.defaults().denyRuleFor(entry.name()).ifPresent(rule -> {
                assertThat(rule.action()).as(entry.name()).isEqualTo(PrivacyRules.Action.MASK);
                assertThat(entry.value()).as(entry.name()).isIn("", PrivacyRules.MASKED_VALUE);
            });
        }
        assertThat(scrubbed.contains("datadir")).isFalse();
        assertThat(scrubbed.contains("hostname")).isFalse();
    }

    private static Report collect() throws SQLException {
        PrivacyRules rules = PrivacyRules.defaults();
        Report.Builder report = Report.builder().add(ReportKeys.SERVER_UID, queryString("SELECT @@server_uid"));
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES")) {
                while (rows.next()) {
                    if (rules.isVariableAllowed(rows.getString(1))) {
                        report.add(rows.getString(1), nullToEmpty(rows.getString(2)));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS")) {
                while (rows.next()) {
                    report.add(rows.getString(1), nullToEmpty(rows.getString(2)));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT PLUGIN_NAME, PLUGIN_VERSION, PLUGIN_STATUS, PLUGIN_TYPE FROM information_schema.PLUGINS")) {
                while (rows.next()) {
                    String plugin = rows.getString(1);
                    report.add(ReportKeys.pluginVersionKey(plugin), rows.getString(2))
                            .add(ReportKeys.pluginStatusKey(plugin), rows.getString(3))
                            .add(ReportKeys.pluginTypeKey(plugin), rows.getString(4));
                }
            }
        }
        return report.build();
    }

    private static Set<String> featuresInUse() throws SQLException {
        Set<String> features = new LinkedHashSet<>();
        for (String name : queryColumn("SELECT VARIABLE_NAME FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME LIKE 'FEATURE\\_%' AND VARIABLE_VALUE > 0")) {
            features.add(name.substring(ReportKeys.FEATURE_PREFIX.length()).toLowerCase(Locale.ROOT));
        }
        return features;
    }

    private static String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Set<String> queryColumn(String sql) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
