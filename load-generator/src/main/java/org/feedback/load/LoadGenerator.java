package org.feedback.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Posts real full reports to an ingest server at a series of fixed rates and prints, per rate, the reports
 * per second the server took and the latency percentiles. The rates are open-loop: each upload has an
 * intended start time, and its latency counts from then, so a server that falls behind shows the queueing
 * instead of hiding it. Only loopback addresses are accepted as targets, and every run is bounded by
 * {@code --step-seconds} per rate.
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true,
        description = "Posts full reports to an ingest server on this machine at increasing rates.")
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--url", description = "Upload URL; its host must be a loopback address. Default: ${DEFAULT-VALUE}",
            defaultValue = "http://127.0.0.1:8080/post")
    URI url;

    @Option(names = "--rates", split = ",", description = "Upload rates to run, in reports per second. Default: ${DEFAULT-VALUE}",
            defaultValue = "500,1000,2000,3000,4000")
    List<Integer> rates;

    @Option(names = "--step-seconds", description = "Seconds each rate runs. Default: ${DEFAULT-VALUE}", defaultValue = "20")
    int stepSeconds;

    @Option(names = "--warmup-seconds", description = "Seconds of uploads at the first rate before measuring. Default: ${DEFAULT-VALUE}",
            defaultValue = "15")
    int warmupSeconds;

    @Option(names = "--connections", description = "HTTP connections to the server. Default: ${DEFAULT-VALUE}",
            defaultValue = "64")
    int connections;

    @Option(names = "--servers", description = "Distinct server ids the uploads cycle through. Default: ${DEFAULT-VALUE}",
            defaultValue = "1000000")
    int servers;

    @Option(names = "--report", description = "Report file to post instead of the bundled MariaDB 10.11 full report")
    Path report;

    @Option(names = "--max-in-flight", description = "Uploads waiting at once before a rate counts as overloaded and stops."
            + " Default: ${DEFAULT-VALUE}", defaultValue = "5000")
    int maxInFlight;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        requireLoopback(url);
        ReportBodies bodies = ReportBodies.load(report);
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 100000);
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setDefaultHost(url.getHost()).setDefaultPort(url.getPort()).setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(connections));
            System.out.printf("posting a %d-byte full report to %s over %d connections, %d s per rate (2 cores shared"
                    + " with the server unless it runs elsewhere)%n", bodies.reportBytes(), url, connections, stepSeconds);
            RateStep.Result warmup = new RateStep(vertx, client, url.getPath(), bodies, servers, runId, 0, maxInFlight)
                    .run(rates.get(0), warmupSeconds);
            System.out.println("warm-up:  " + warmup);
            long sequence = warmup.sent();
            long stored = warmup.stored();
            for (int rate : rates) {
                RateStep.Result result = new RateStep(vertx, client, url.getPath(), bodies, servers, runId, sequence,
                        maxInFlight).run(rate, stepSeconds);
                System.out.println(result);
                sequence += result.sent();
                stored += result.stored();
                if (result.overloaded()) {
                    System.out.println("stopping: the server fell more than " + maxInFlight + " uploads behind");
                    break;
                }
            }
            System.out.printf("total: sent %d, stored %d%n", sequence, stored);
            return 0;
        } finally {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            vertx.close().onComplete(ignored -> closed.complete(null));
            closed.get(30, TimeUnit.SECONDS);
        }
    }

    private static void requireLoopback(URI url) throws Exception {
        if (url.getHost() == null || url.getPort() < 0 || !"http".equals(url.getScheme())) {
            throw new CommandLine.ParameterException(new CommandLine(new LoadGenerator()),
                    "--url " + url + " is invalid; give http://HOST:PORT/PATH");
        }
        for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
            if (!address.isLoopbackAddress()) {
                throw new CommandLine.ParameterException(new CommandLine(new LoadGenerator()), "--url host "
                        + url.getHost() + " is not a loopback address; the load generator only targets this machine");
            }
        }
    }
}
