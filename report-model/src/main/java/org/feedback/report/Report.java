package org.feedback.report;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An immutable, ordered list of name/value entries: one feedback report.
 *
 * <p>Names may repeat, because MariaDB's own report repeats some (for example {@code INNODB_PAGE_SIZE}
 * appears once as a variable and once as a status value). Look-ups by name ignore case, because
 * MariaDB 10.x sends {@code VERSION} where older servers and MySQL send {@code version}.
 */
public final class Report {

    private final List<Entry> entries;
    /** The {@link NameIndex#hash} of each entry's name, from the parser or the scrubber; null for other reports. */
    private final int[] nameHashes;
    /** Built on the first look-up by name; threads that race may each build one, which is harmless. */
    private volatile NameIndex nameIndex;

    private Report(List<Entry> entries, int[] nameHashes) {
        this.entries = entries;
        this.nameHashes = nameHashes;
    }

    /** Creates a report holding a copy of the given entries, in their order. */
    public static Report of(List<Entry> entries) {
        return new Report(List.copyOf(entries), null);
    }

    /**
     * Creates a report over the first {@code size} elements of {@code entries} without copying them; the
     * caller hands the array over and must not change it afterwards. {@code nameHashes} is null or the
     * {@link NameIndex#hash} of each entry's name, so that the first look-up by name need not compute them.
     * The caller must not change that array either.
     */
    static Report ofOwnedArray(Entry[] entries, int[] nameHashes, int size) {
        if (nameHashes != null) {
            Objects.checkFromIndexSize(0, size, nameHashes.length);
        }
        return new Report(new OwnedArrayList(entries, size), nameHashes);
    }

    /** Returns the hashes given to {@link #ofOwnedArray}, or null; the caller must not change them. */
    int[] nameHashes() {
        return nameHashes;
    }

    /** Returns a builder that appends entries in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns all entries in report order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the number of entries, counting repeated names each time. */
    public int size() {
        return entries.size();
    }

    /** Returns the value of the first entry whose name equals {@code name}, ignoring case. */
    public Optional<String> value(String name) {
        int index = nameIndex().firstIndexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index).value());
    }

    /** Returns the values of all entries whose name equals {@code name}, ignoring case, in report order. */
    public List<String> values(String name) {
        List<String> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.name().equalsIgnoreCase(name)) {
                found.add(entry.value());
            }
        }
        return found;
    }

    /** Returns whether any entry has the given name, ignoring case. */
    public boolean contains(String name) {
        return nameIndex().firstIndexOf(name) >= 0;
    }

    /**
     * Returns whether this report is a startup or shutdown notice rather than a full report.
     * A notice carries {@value ReportKeys#WHEN}; MariaDB's plugin sends one when the server starts and
     * when it stops.
     */
    public boolean isNotice() {
        return contains(ReportKeys.WHEN);
    }

    private NameIndex nameIndex() {
        NameIndex index = nameIndex;
        if (index == null) {
            index = NameIndex.of(entries, nameHashes);
            nameIndex = index;
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Report report && entries.equals(report.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Report[" + entries.size() + " entries]";
    }

    /** One line of a report: a name and its value, both exactly as sent. */
    public record Entry(String name, String value) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An unmodifiable view of the first {@code size} elements of an array that no other code changes. The
     * parser and the scrubber pass their arrays to the report in one of these, so that loops over the entries
     * read the array directly, without a sub-list and an unmodifiable wrapper in between.
     */
    private static final class OwnedArrayList extends AbstractList<Entry> implements RandomAccess {
        private final Entry[] entries;
        private final int size;

        OwnedArrayList(Entry[] entries, int size) {
            Objects.checkFromIndexSize(0, size, entries.length);
            this.entries = entries;
            this.size = size;
        }

        @Override
        public Entry get(int index) {
            Objects.checkIndex(index, size);
            return entries[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(entries, size, Object[].class);
        }
    }

    /** Collects entries in order; not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** Appends an entry; a name may be added more than once. */
        public Builder add(String name, String value) {
            entries.add(new Entry(name, value));
            return this;
        }

        /** Appends an entry; a name may be added more than once. */
        public Builder add(Entry entry) {
            entries.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Appends all entries of {@code report}. */
        public Builder addAll(Report report) {
            entries.addAll(report.entries());
            return this;
        }

        /** Returns the number of entries added so far. */
        public int size() {
            return entries.size();
        }

        public Report build() {
            return new Report(List.copyOf(entries), null);
        }
    }
}
