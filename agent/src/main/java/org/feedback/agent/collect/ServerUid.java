package org.feedback.agent.collect;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The anonymous server id. In order of preference:
 * <ol>
 *   <li>{@code @@server_uid}, which newer MariaDB servers publish, unless it is {@value #SERVER_UID_UNKNOWN}:
 *       MariaDB 10.11.19 started on a host without a MAC address publishes that text, the same on every
 *       such host;</li>
 *   <li>the definition of MariaDB's feedback plugin: base64 of the SHA-1 digest of the server's TCP port
 *       (2 bytes, little-endian) followed by a 6-byte MAC address of the host;</li>
 *   <li>on a host without a MAC address (a network namespace with only loopback), a random id of the
 *       same shape, kept in the file {@value #RANDOM_ID_FILE} of the state directory so it stays the same.</li>
 * </ol>
 */
final class ServerUid {

    private static final Logger LOG = Logger.getLogger(ServerUid.class.getName());

    /** Value of {@code @@server_uid} on a MariaDB server that found no MAC address. */
    static final String SERVER_UID_UNKNOWN = "unknown";

    /** File of the state directory that keeps the random id. */
    static final String RANDOM_ID_FILE = "server-uid";

    /** Source of the host's MAC address; tests replace it to act out a host without one. */
    interface MacSource {
        Optional<byte[]> firstMacAddress() throws SocketException;
    }

    private ServerUid() {
    }

    /**
     * Returns the id for a server.
     *
     * @param serverUidVariable  {@code @@server_uid}, or {@code null} when the server has none; the value
     *                           {@value #SERVER_UID_UNKNOWN} counts as none
     * @param port               the server's TCP port
     * @param macSource          where the MAC address comes from
     * @param stateDir           where the random id is kept when there is no MAC address
     */
    static String resolve(String serverUidVariable, int port, MacSource macSource, Path stateDir) {
        if (serverUidVariable != null && !serverUidVariable.isBlank()
                && !serverUidVariable.strip().equalsIgnoreCase(SERVER_UID_UNKNOWN)) {
            return serverUidVariable.strip();
        }
        try {
            Optional<byte[]> mac = macSource.firstMacAddress();
            if (mac.isPresent()) {
                return compute(port, mac.get());
            }
        } catch (SocketException e) {
            LOG.warning("cannot list the network interfaces for the server id, so a random id is used: " + e.getMessage());
        }
        return randomId(stateDir);
    }

    /** Computes the id from a port and a 6-byte MAC address. */
    static String compute(int port, byte[] mac) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + mac.length);
        }
        byte[] raw = new byte[8];
        raw[0] = (byte) port;
        raw[1] = (byte) (port >>> 8);
        System.arraycopy(mac, 0, raw, 2, 6);
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /**
     * Returns the random id kept in the state directory, creating it first if needed. The id is written to
     * a temporary file and then linked to its final name, which fails when another process got there first;
     * then that process's id is used. When the directory cannot be written, an id for this run only is
     * returned and a warning logged.
     */
    static String randomId(Path stateDir) {
        Path file = stateDir.resolve(RANDOM_ID_FILE);
        try {
            Optional<String> existing = readId(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            Files.createDirectories(stateDir);
            Path temporary = Files.createTempFile(stateDir, RANDOM_ID_FILE, ".tmp");
            try {
                Files.writeString(temporary, newRandomId() + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raceLost) {
                // another agent created it between the read and the link; its id wins
            } finally {
                Files.deleteIfExists(temporary);
            }
            return readId(file).orElseThrow(() -> new IOException(file + " is empty"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning("cannot keep a server id in " + file + ", so this run uses a new random id: " + e.getMessage());
            return newRandomId();
        }
    }

    private static Optional<String> readId(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private static String newRandomId() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Returns the MAC address of the first network interface, in the order the operating system lists
     * them, that has a 6-byte address other than all zeros; empty when there is none.
     */
    static Optional<byte[]> firstMacAddress() throws SocketException {
        List<NetworkInterface> interfaces = new ArrayList<>(Collections.list(NetworkInterface.getNetworkInterfaces()));
        interfaces.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        for (NetworkInterface networkInterface : interfaces) {
            byte[] mac = networkInterface.getHardwareAddress();
            if (mac != null && mac.length == 6 && !isAllZeros(mac)) {
                return Optional.of(mac);
            }
        }
        return Optional.empty();
    }

    private static boolean isAllZeros(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
