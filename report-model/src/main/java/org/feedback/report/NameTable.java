package org.feedback.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded table of the entry names the parser has seen, so that a name repeated across reports is one
 * shared {@link String} instead of a new one per report. Reports of one server version carry the same few
 * hundred names, so a parser that has read one report allocates no names for the next.
 *
 * <p>Only ASCII names of at most {@value #MAX_NAME_BYTES} bytes are kept, and at most {@value #MAX_NAMES}
 * of them: after that, new names are allocated per report as without the table, so that a stream of
 * made-up names costs memory only up to the bound. Safe for concurrent use without locks: slots hold
 * immutable objects, and a lost race only means a name is allocated once more.
 */
final class NameTable {

    static final int MAX_NAME_BYTES = 64;
    static final int MAX_NAMES = 4096;

    /** Twice {@link #MAX_NAMES}, a power of two, so that linear probing stays short. */
    private static final int SLOTS = 8192;

    private final Slot[] slots = new Slot[SLOTS];
    private final AtomicInteger size = new AtomicInteger();

    /**
     * One known name, its bytes and its hash. The name is ASCII, so its characters are its bytes. Keeping the
     * bytes lets a look-up compare them with {@link Arrays#equals(byte[], int, int, byte[], int, int)}, which
     * HotSpot runs as a vectorised intrinsic.
     */
    private record Slot(String name, byte[] bytes, int hash) {
    }

    /**
     * Returns the name held in the ASCII bytes {@code input[start, end)}, from the table when it is there,
     * adding it when there is room. {@code hash} must be the same for the same bytes; the parser passes the
     * unfinished {@link NameIndex} hash it computes anyway, so names that differ only in case share a hash
     * and the byte comparison distinguishes them.
     */
    String name(byte[] input, int start, int end, int hash) {
        int length = end - start;
        if (length > MAX_NAME_BYTES) {
            return new String(input, start, length, StandardCharsets.ISO_8859_1);
        }
        int mask = SLOTS - 1;
        for (int index = (hash ^ (hash >>> 16)) & mask; ; index = (index + 1) & mask) {
            Slot slot = slots[index];
            if (slot == null) {
                return add(index, input, start, end, hash);
            }
            if (slot.hash == hash && Arrays.equals(slot.bytes, 0, slot.bytes.length, input, start, end)) {
                return slot.name;
            }
        }
    }

    private String add(int index, byte[] input, int start, int end, int hash) {
        String name = new String(input, start, end - start, StandardCharsets.ISO_8859_1);
        if (size.get() < MAX_NAMES && size.incrementAndGet() <= MAX_NAMES) {
            slots[index] = new Slot(name, Arrays.copyOfRange(input, start, end), hash);
        }
        return name;
    }
}
