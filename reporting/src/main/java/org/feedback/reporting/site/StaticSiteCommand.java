package org.feedback.reporting.site;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.feedback.reporting.DashboardQueries;
import org.feedback.reporting.RollupRefresher;
import org.feedback.reporting.StaticSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar feedback-reporting.jar --jdbc-url URL --out FOLDER}: writes the dashboard of an ingest
 * server's database as a static site. Exit codes: 0 success, 1 database or file failure, 2 usage error.
 */
@Command(name = "feedback-reporting", mixinStandardHelpOptions = true, version = "feedback-reporting 0.1",
        description = "Writes the public dashboard of a Feedback ingest server's database as static HTML and CSV files.")
public final class StaticSiteCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "JDBC URL of the ingest server's database: jdbc:postgresql://..., jdbc:mariadb://... or jdbc:h2:...")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "database user; default: none")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:FEEDBACK_DB_PASSWORD}",
            description = "database password; default: environment variable FEEDBACK_DB_PASSWORD")
    String password;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "folder to write the site into; created when missing")
    Path out;

    @Option(names = "--min-group-size", defaultValue = "5", paramLabel = "SERVERS",
            description = "smallest group shown on its own; smaller groups are folded into 'other' (default: ${DEFAULT-VALUE})")
    int minGroupSize;

    @Option(names = "--refresh", description = "rebuild the rollups before writing, instead of using the ingest server's last refresh")
    boolean refresh;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StaticSiteCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (minGroupSize < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--min-group-size is " + minGroupSize + "; use 1 to show every group, or more to fold small ones");
        }
        DataSource dataSource = new DriverManagerDataSource(jdbcUrl, user, password);
        Clock clock = Clock.systemUTC();
        try {
            if (refresh) {
                new RollupRefresher(dataSource, clock).refresh();
            }
            List<Path> files = new StaticSite(new DashboardQueries(dataSource, minGroupSize, clock)).write(out);
            System.out.println("Wrote " + files.size() + " files to " + out.toAbsolutePath());
            return 0;
        } catch (SQLException e) {
            System.err.println("Reading the dashboard from " + jdbcUrl + " failed: " + e.getMessage());
            return 1;
        }
    }
}
