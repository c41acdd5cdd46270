package org.feedback.generator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times each dashboard page and API resource of a running ingest server, one request at a time: the first
 * request (cold caches), then the median and maximum of the following runs.
 */
final class Measurement {

    /** Timing of one path. */
    record Timing(String path, int status, long bytes, double firstMillis, double medianMillis, double maxMillis) {
    }

    private final URI base;
    private final int runs;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Measurement(URI base, int runs) {
        this.base = Loopback.require(base, "server");
        this.runs = runs;
    }

    List<Timing> measure(List<String> paths) throws IOException, InterruptedException {
        List<Timing> timings = new ArrayList<>();
        for (String path : paths) {
            timings.add(measure(path));
        }
        return timings;
    }

    private Timing measure(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120)).build();
        double[] millis = new double[runs + 1];
        HttpResponse<byte[]> response = null;
        for (int run = 0; run <= runs; run++) {
            long started = System.nanoTime();
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(warm);
        return new Timing(path, response.statusCode(), response.body().length, millis[0], warm[warm.length / 2],
                warm[warm.length - 1]);
    }
}
