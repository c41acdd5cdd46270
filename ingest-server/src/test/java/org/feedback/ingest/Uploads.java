package org.feedback.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Test helpers: real reports, and uploads framed byte for byte as real senders frame them. */
final class Uploads {

    /** Output of {@code mariadb -e 'select * from information_schema.feedback'} on MariaDB 10.11.19. */
    static final String MARIADB_10_11 = "mariadb-10.11-information-schema-feedback.txt";

    /** Output of the same query on a second, freshly installed MariaDB 10.11.19 after a short workload. */
    static final String MARIADB_10_11_SECOND_INSTANCE = "mariadb-10.11-second-instance-feedback.txt";
    /** The agent's report of a private MariaDB 10.11 instance, one InnoDB and one Aria table. */
    static final String AGENT_PRIVATE_INSTANCE = "agent-report-private-instance.txt";
    /**
     * A report in the form MaxScale's feedback sender builds it (product, version, modules), written by hand
     * from MaxScale's source because no MaxScale runs on this machine.
     */
    static final String MAXSCALE = "maxscale-report-constructed.txt";

    private Uploads() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /fixtures/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the fixture with its server id replaced, so that a test can count its own server. */
    static byte[] fixtureWithServerUid(String name, String serverUid) {
        String text = new String(fixture(name), StandardCharsets.UTF_8);
        return text.replaceFirst("(?m)^FEEDBACK_SERVER_UID\t.*$", "FEEDBACK_SERVER_UID\t" + serverUid)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code report} the way MariaDB's feedback plugin 1.1 does (plugin/feedback/url_http.cc):
     * HTTP/1.0, its fixed boundary, and the closing delimiter right after the report's last line feed.
     * Returns the whole raw reply.
     */
    static String postAsFeedbackPlugin(int port, byte[] report) throws IOException {
        try (PluginUpload upload = startAsFeedbackPlugin(port, report)) {
            return upload.finish();
        }
    }

    /**
     * Sends {@code report} as {@link #postAsFeedbackPlugin} does, except the last 4 bytes of the body
     * ({@code --\r\n}, which the plugin writes in a call of their own). The server has the request under way
     * until {@link PluginUpload#finish()} sends them.
     */
    static PluginUpload startAsFeedbackPlugin(int port, byte[] report) throws IOException {
        String boundary = "----------------------------ba4f3696b39f";
        String partHeader = "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] opening = ("--" + boundary + partHeader).getBytes(StandardCharsets.ISO_8859_1);
        byte[] closingBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = "--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int contentLength = opening.length + report.length + closingBoundary.length + end.length;
        String head = "POST /post HTTP/1.0\r\n"
                + "User-Agent: MariaDB User Feedback Plugin\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Accept: */*\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "\r\n";
        Socket socket = new Socket("127.0.0.1", port);
        try {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(opening);
            out.write(report);
            out.write(closingBoundary);
            out.flush();
            return new PluginUpload(socket, end);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A feedback-plugin upload whose last bytes are not sent yet. */
    static final class PluginUpload implements Closeable {

        private final Socket socket;
        private final byte[] rest;

        private PluginUpload(Socket socket, byte[] rest) {
            this.socket = socket;
            this.rest = rest;
        }

        /** Sends the rest of the body and returns the whole raw reply, read until the server closes the connection. */
        String finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(rest);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
