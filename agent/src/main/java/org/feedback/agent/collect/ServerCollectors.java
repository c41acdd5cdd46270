package org.feedback.agent.collect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;
import org.feedback.report.ReportKeys;

/** The collectors that copy what the server lists about itself: variables, status values and plugins. */
final class ServerCollectors {

    private ServerCollectors() {
    }

    /** Allowlisted {@code SHOW GLOBAL VARIABLES}, which include version, build and compile options. */
    static final class Variables implements Collector {
        private final PrivacyRules rules;

        Variables(PrivacyRules rules) {
            this.rules = rules;
        }

        @Override
        public String name() {
            return "variables";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of();
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws SQLException {
            Map<String, String> variables = readPairs(context.session(), "SHOW GLOBAL VARIABLES");
            context.variables(variables);
            variables.forEach((name, value) -> {
                if (rules.isVariableAllowed(name)) {
                    out.add(name, value);
                }
            });
        }
    }

    /** All of {@code SHOW GLOBAL STATUS}, uptime included; the scrubber removes what the denylist names. */
    static final class Status implements Collector {
        @Override
        public String name() {
            return "status";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of("Uptime");
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws SQLException {
            Map<String, String> status = readPairs(context.session(), "SHOW GLOBAL STATUS");
            context.status(status);
            status.forEach(out::add);
        }
    }

    /** {@code <plugin> version}, {@code <plugin> status} and {@code <plugin> type} for every plugin. */
    static final class Plugins implements Collector {
        @Override
        public String name() {
            return "plugins";
        }

        @Override
        public List<String> keysOnFailure() {
            return List.of();
        }

        @Override
        public void collect(CollectionContext context, Report.Builder out) throws SQLException {
            List<String> engines = new ArrayList<>();
            for (String[] row : context.session().query(
                    "SELECT PLUGIN_NAME, PLUGIN_VERSION, PLUGIN_STATUS, PLUGIN_TYPE FROM information_schema.PLUGINS")) {
                out.add(ReportKeys.pluginVersionKey(row[0]), nullToEmpty(row[1]));
                out.add(ReportKeys.pluginStatusKey(row[0]), nullToEmpty(row[2]));
                out.add(ReportKeys.pluginTypeKey(row[0]), nullToEmpty(row[3]));
                if ("STORAGE ENGINE".equals(row[3]) && "ACTIVE".equals(row[2])) {
                    engines.add(row[0]);
                }
            }
            context.activeEngines(engines);
        }
    }

    private static Map<String, String> readPairs(Session session, String sql) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String[] row : session.query(sql)) {
            pairs.put(row[0], nullToEmpty(row[1]));
        }
        return pairs;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
