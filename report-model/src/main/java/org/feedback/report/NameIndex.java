package org.feedback.report;

import java.util.List;
import java.util.Locale;

/**
 * Finds the first entry of a report with a given name, ignoring case: two names are the same when their
 * {@code toLowerCase(Locale.ROOT)} forms are equal.
 *
 * <p>Report names are nearly always ASCII, so the index folds ASCII letters while it hashes and compares,
 * and allocates no lower-case copy of them. Only a name with a non-ASCII character takes the
 * {@code toLowerCase} path. The table is an open-addressing hash table with linear probing: one
 * {@code int} array of entry positions plus one, with 0 for an empty slot.
 */
final class NameIndex {

    private final List<Report.Entry> entries;
    /** The {@link #hash} of each entry's name, by entry position, so that most probes compare no names. */
    private final int[] hashes;
    private final int[] slots;

    private NameIndex(List<Report.Entry> entries, int[] hashes) {
        this.entries = entries;
        this.hashes = hashes;
        this.slots = new int[tableSize(entries.size())];
        for (int i = 0; i < entries.size(); i++) {
            addIfAbsent(i);
        }
    }

    /**
     * Indexes {@code entries}, which must not change afterwards. {@code nameHashes} is the {@link #hash} of each
     * entry's name when the caller has them, or null; the index keeps the array and does not change it.
     */
    static NameIndex of(List<Report.Entry> entries, int[] nameHashes) {
        int[] hashes = nameHashes;
        if (hashes == null) {
            hashes = new int[entries.size()];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = hash(entries.get(i).name());
            }
        }
        return new NameIndex(entries, hashes);
    }

    /** Returns the position of the first entry named {@code name}, ignoring case, or -1 when there is none. */
    int firstIndexOf(String name) {
        int hash = hash(name);
        int mask = slots.length - 1;
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int index = slots[slot] - 1;
            if (hashes[index] == hash && sameName(entries.get(index).name(), name)) {
                return index;
            }
        }
        return -1;
    }

    private void addIfAbsent(int index) {
        String name = entries.get(index).name();
        int hash = hashes[index];
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            int other = slots[slot] - 1;
            if (hashes[other] == hash && sameName(entries.get(other).name(), name)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = index + 1;
    }

    /** Returns a power of two of at least twice {@code size}, so that probe sequences stay short. */
    private static int tableSize(int size) {
        return Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1;
    }

    /**
     * Returns a hash that is equal for names with equal lower-case forms: the hash of the lower-case form with
     * bit 0x20 set in each character. Setting that bit lower-cases ASCII letters without a branch, so an
     * ASCII name needs no lower-case copy. A few other characters then share a hash, such as {@code _} and
     * DEL, but {@link #sameName} distinguishes them.
     */
    static int hash(String name) {
        String lowerCase = isAscii(name) ? name : name.toLowerCase(Locale.ROOT);
        int hash = 0;
        for (int i = 0; i < lowerCase.length(); i++) {
            hash = hashStep(hash, lowerCase.charAt(i));
        }
        return finishHash(hash);
    }

    /**
     * Adds one character to a hash that {@link #finishHash} completes. The parser calls it with the bytes of
     * an ASCII name, which are its characters, so that it need not scan the name again.
     */
    static int hashStep(int hash, int character) {
        return 31 * hash + (character | 0x20);
    }

    static int finishHash(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Returns whether the lower-case forms of {@code a} and {@code b} are equal. */
    static boolean sameName(String a, String b) {
        if (a.length() == b.length()) {
            for (int i = 0; i < a.length(); i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x >= 0x80 || y >= 0x80) {
                    return sameLowerCase(a, b);
                }
                if (x != y && toLowerAscii(x) != toLowerAscii(y)) {
                    return false;
                }
            }
            return true;
        }
        // Lower-casing can change the length of a non-ASCII name, never of an ASCII one.
        return !(isAscii(a) && isAscii(b)) && sameLowerCase(a, b);
    }

    private static boolean sameLowerCase(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
