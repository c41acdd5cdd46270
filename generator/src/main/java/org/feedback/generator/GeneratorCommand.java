package org.feedback.generator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.feedback.reporting.Chart;
import org.feedback.reporting.Page;
import org.feedback.reporting.RollupRefresher;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar generator/target/feedback-generator.jar load|measure}: loads a synthetic population into
 * a PostgreSQL database on loopback and times the rollup refresh, or times a running ingest server's
 * dashboard. Exit codes: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "feedback-generator", mixinStandardHelpOptions = true, version = "feedback-generator 0.1",
        description = "Synthetic populations and timings for the Feedback dashboard (loopback only).",
        subcommands = {GeneratorCommand.Load.class, GeneratorCommand.Measure.class})
public final class GeneratorCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GeneratorCommand()).execute(args));
    }

    /** Loads the population and times two rollup refreshes. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Create the schema with the ingest server's migrations, replace the dashboard tables' rows"
                    + " with a synthetic population, then refresh the rollups twice and print the times.")
    static final class Load implements Callable<Integer> {

        @Option(names = "--jdbc-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/feedback_reporting_bench",
                description = "PostgreSQL database on loopback (default: ${DEFAULT-VALUE})")
        String jdbcUrl;

        @Option(names = "--user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
        String user;

        @Option(names = "--password", defaultValue = "", description = "database password (default: none)")
        String password;

        @Option(names = "--migrations", defaultValue = "ingest-server/src/main/resources/db/migration/postgresql",
                description = "folder of the PostgreSQL migrations (default: ${DEFAULT-VALUE})")
        Path migrations;

        @Option(names = "--servers", defaultValue = "1000000", description = "number of servers (default: ${DEFAULT-VALUE})")
        int servers;

        @Option(names = "--weeks", defaultValue = "52", description = "weeks of weekly reports (default: ${DEFAULT-VALUE})")
        int weeks;

        @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same population")
        long seed;

        @Override
        public Integer call() throws Exception {
            Loopback.requireJdbc(jdbcUrl);
            if (!Files.isDirectory(migrations)) {
                throw new IllegalArgumentException("migrations folder '" + migrations + "' does not exist;"
                        + " run from the repository root or pass --migrations");
            }
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("filesystem:" + migrations).load().migrate();

            Instant now = Instant.now();
            System.out.printf("Loading %,d servers with %d weeks of weekly reports into %s%n", servers, weeks, jdbcUrl);
            PopulationLoader.Loaded loaded = new PopulationLoader(jdbcUrl, user, password, seed, servers, weeks, now).load();
            System.out.printf("Loaded %,d servers, %,d label rows, %,d server-week rows and %,d weekly rows in %.1f s%n",
                    loaded.servers(), loaded.values(), loaded.serverWeeks(), loaded.weeklyRows(),
                    loaded.took().toMillis() / 1000.0);

            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            RollupRefresher refresher = new RollupRefresher(dataSource, Clock.systemUTC());
            for (int run = 1; run <= 2; run++) {
                RollupRefresher.Result result = refresher.refresh();
                System.out.printf("Rollup refresh %d: %.1f s%n", run, result.duration().toMillis() / 1000.0);
            }
            return 0;
        }
    }

    /** Times every page and API resource of a running server. */
    @Command(name = "measure", mixinStandardHelpOptions = true,
            description = "Request every dashboard page and API resource of a running ingest server and print"
                    + " the response times as a Markdown table.")
    static final class Measure implements Callable<Integer> {

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/", description = "the server's base URL on loopback (default: ${DEFAULT-VALUE})")
        URI url;

        @Option(names = "--runs", defaultValue = "5", description = "timed runs per path after the first request (default: ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            List<String> paths = new ArrayList<>();
            for (Page page : Page.values()) {
                paths.add("/" + page.path());
            }
            paths.add("/versions?days=30&flavor=MariaDB");
            paths.add("/usage?days=all&major=8");
            paths.add("/api/v1/stats/summary");
            paths.add("/api/v1/stats/active");
            paths.add("/api/v1/stats/charts");
            for (Chart chart : Chart.ALL) {
                paths.add("/api/v1/stats/" + chart.id());
            }
            for (Chart chart : Chart.ALL) {
                paths.add("/api/v1/stats/" + chart.id() + ".csv");
            }
            paths.add("/api/v1/stats/adoption?days=all&flavor=MySQL");

            System.out.println("| path | status | bytes | first ms | median ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (Measurement.Timing timing : new Measurement(url, runs).measure(paths)) {
                System.out.printf("| `%s` | %d | %,d | %.0f | %.0f | %.0f |%n", timing.path(), timing.status(),
                        timing.bytes(), timing.firstMillis(), timing.medianMillis(), timing.maxMillis());
            }
            return 0;
        }
    }
}
