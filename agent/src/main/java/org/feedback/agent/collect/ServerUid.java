package org.feedback.agent.collect;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The anonymous server id as MariaDB's feedback plugin defines it: base64 of the SHA-1 digest of the
 * server's TCP port (2 bytes, little-endian) followed by a 6-byte MAC address of the host. Newer MariaDB
 * servers publish the same value as {@code @@server_uid}; the agent computes it only when that variable is
 * missing (MySQL, old MariaDB).
 */
final class ServerUid {

    private ServerUid() {
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
     * Returns the MAC address of the first network interface, in the order the operating system lists
     * them, that has a 6-byte address other than all zeros; empty when there is none (a network
     * namespace with only loopback).
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
