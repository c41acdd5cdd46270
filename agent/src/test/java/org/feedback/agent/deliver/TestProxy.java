package org.feedback.agent.deliver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP proxy on 127.0.0.1 for tests: it tunnels {@code CONNECT host:port} requests to that
 * address, which is how https goes through a proxy, and forwards plain requests (which carry an absolute
 * URI) to their host unchanged. It records each request line.
 */
final class TestProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    TestProxy() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> requestLines() {
        return requestLines;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread handler = new Thread(() -> handle(client), "test-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                String[] target = parts[1].split(":");
                try (Socket upstream = new Socket("127.0.0.1", Integer.parseInt(target[1]))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    pipe(client, upstream);
                }
            } else {
                java.net.URI uri = java.net.URI.create(parts[1]);
                try (Socket upstream = new Socket("127.0.0.1", uri.getPort())) {
                    upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                    pipe(client, upstream);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the test sees the failure on the agent's side
        }
    }

    private static void pipe(Socket client, Socket upstream) throws IOException {
        Thread up = new Thread(() -> copy(client, upstream), "test-proxy-up");
        up.setDaemon(true);
        up.start();
        copy(upstream, client);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            // one side closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
