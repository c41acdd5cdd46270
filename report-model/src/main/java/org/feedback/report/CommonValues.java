package org.feedback.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared strings for the short values most report entries carry, so that parsing does not allocate a new
 * {@link String} for each of them. In the MariaDB 10.11 report, 532 of 951 values are {@code 0} and most
 * others are {@code 1}, {@code ON}, {@code OFF}, {@code 1.0} or the like. The table is fixed, so hostile
 * input cannot grow it. Safe for concurrent use: it is never written after class initialisation.
 */
final class CommonValues {

    /** Maximum length of a value in the table, in bytes: eight ASCII bytes fit one {@code long} key. */
    static final int MAX_BYTES = 8;

    /** A power of two, more than twice the number of values, so that linear probing stays short. */
    private static final int SLOTS = 1024;

    private static final long[] KEYS = new long[SLOTS];
    private static final String[] VALUES = new String[SLOTS];

    static {
        for (String value : values()) {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            long key = key(bytes, 0, bytes.length);
            int index = indexOf(key);
            while (VALUES[index] != null) {
                index = (index + 1) & (SLOTS - 1);
            }
            KEYS[index] = key;
            VALUES[index] = value;
        }
    }

    private CommonValues() {
    }

    /**
     * Returns the shared string for the ASCII bytes {@code input[start, start + length)}, or null when the
     * value is not in the table; {@code length} must be at most {@link #MAX_BYTES}.
     */
    static String lookUp(byte[] input, int start, int length) {
        long key = key(input, start, length);
        for (int index = indexOf(key); ; index = (index + 1) & (SLOTS - 1)) {
            String value = VALUES[index];
            if (value == null || KEYS[index] == key) {
                return value;
            }
        }
    }

    /**
     * Packs up to eight ASCII bytes and their count into one {@code long}: seven bits per byte, because
     * ASCII bytes have the top bit clear, and the count in the top eight bits.
     */
    private static long key(byte[] bytes, int start, int length) {
        long key = (long) length << 56;
        for (int i = 0; i < length; i++) {
            key |= (long) bytes[start + i] << (7 * i);
        }
        return key;
    }

    private static int indexOf(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 54) & (SLOTS - 1);
    }

    private static List<String> values() {
        List<String> values = new ArrayList<>();
        values.add("");
        for (char c = ' '; c <= '~'; c++) {
            values.add(String.valueOf(c));
        }
        for (int number = 10; number <= 128; number++) {
            values.add(Integer.toString(number));
        }
        for (int power = 8; power <= 26; power++) {
            values.add(Long.toString(1L << power));
        }
        values.addAll(List.of("-1", "0.0", "0.000000", "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "2.0", "3.0",
                "ON", "OFF", "YES", "NO", "NONE", "AUTO", "ALL", "FORCE", "DEFAULT", "SYSTEM", "ACTIVE", "INACTIVE",
                "DISABLED", "ENABLED", "MIXED", "ROW", "STATEMENT", "FULL", "MINIMAL", "InnoDB", "Aria", "MyISAM",
                "utf8mb3", "utf8mb4", "utf8", "latin1", "binary", "unknown", "startup", "shutdown", "ok"));
        return values;
    }
}
