package org.feedback.agent.deliver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Reports not yet delivered to every URL, one file each in a directory of the state directory, so they
 * survive a restart. A file is written to a temporary name and then renamed, so a crash leaves either the
 * old file or the new one, never half of one. Each file contains the URLs still to be served, one
 * {@code url<TAB>URL} line each, an empty line, and the report as it is posted.
 *
 * <p>The spool is bounded in count and bytes; when a new report would exceed a bound, the oldest reports
 * are dropped first and each drop is logged. Not thread-safe: the daemon uses it from one thread, and the
 * state directory's lock file keeps other agents out.
 */
public final class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String SUFFIX = ".report";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path directory;
    private final int maxReports;
    private final long maxBytes;

    /** One spooled report. */
    public record Entry(String name, ReportKind kind, List<URI> pendingUrls, byte[] report) {
        public Entry {
            pendingUrls = List.copyOf(pendingUrls);
        }
    }

    private Spool(Path directory, int maxReports, long maxBytes) {
        this.directory = directory;
        this.maxReports = maxReports;
        this.maxBytes = maxBytes;
    }

    /** Opens the spool in {@code directory}, creating it if needed and removing files a crash left half-written. */
    public static Spool open(Path directory, int maxReports, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return new Spool(directory, maxReports, maxBytes);
    }

    /** Adds a report for {@code urls}, drops the oldest reports beyond the bounds, and returns the new entry. */
    public Entry add(byte[] report, ReportKind kind, List<URI> urls) throws IOException {
        String name = String.format(Locale.ROOT, "%013d-%06d-%s%s", System.currentTimeMillis(),
                SEQUENCE.incrementAndGet() % 1_000_000, kind.fileTag(), SUFFIX);
        Entry entry = new Entry(name, kind, urls, report);
        write(entry);
        enforceBounds(name);
        return entry;
    }

    /** Returns all entries, oldest first; an unreadable file is logged and skipped. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            try {
                entries.add(read(file));
            } catch (IOException | IllegalArgumentException e) {
                LOG.severe("spooled report " + file + " cannot be read and is removed: " + e.getMessage());
                Files.deleteIfExists(file);
            }
        }
        return entries;
    }

    /** Returns the entry named {@code name}, or {@code null} when it was delivered, superseded or dropped. */
    public Entry find(String name) throws IOException {
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /** Marks {@code url} as served for an entry; removes the entry when no URL is left. */
    public void markServed(String name, URI url) throws IOException {
        Entry entry = find(name);
        if (entry == null) {
            return;
        }
        List<URI> remaining = new ArrayList<>(entry.pendingUrls());
        remaining.remove(url);
        if (remaining.isEmpty()) {
            Files.deleteIfExists(directory.resolve(name));
        } else {
            write(new Entry(name, entry.kind(), remaining, entry.report()));
        }
    }

    private void write(Entry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entry.report().length + 256);
        for (URI url : entry.pendingUrls()) {
            out.writeBytes(("url\t" + url + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        out.writeBytes(entry.report());
        Path temporary = directory.resolve(entry.name() + TEMPORARY_SUFFIX);
        Files.write(temporary, out.toByteArray());
        Files.move(temporary, directory.resolve(entry.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Entry read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<URI> urls = new ArrayList<>();
        int position = 0;
        while (position < bytes.length && bytes[position] != '\n') {
            int end = indexOf(bytes, (byte) '\n', position);
            String line = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            if (!line.startsWith("url\t")) {
                throw new IllegalArgumentException("expected a 'url<TAB>URL' line but found '" + line + "'");
            }
            urls.add(URI.create(line.substring(4)));
            position = end + 1;
        }
        byte[] report = Arrays.copyOfRange(bytes, Math.min(position + 1, bytes.length), bytes.length);
        String name = file.getFileName().toString();
        return new Entry(name, kindOf(name), urls, report);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("the URL list does not end with an empty line");
    }

    private static ReportKind kindOf(String name) {
        String tag = name.substring(name.lastIndexOf('-') + 1, name.length() - SUFFIX.length());
        return ReportKind.valueOf(tag.toUpperCase(Locale.ROOT));
    }

    /** Removes an entry at once, for a report superseded by a newer one or one no URL is left for. */
    public void remove(String name) throws IOException {
        Files.deleteIfExists(directory.resolve(name));
    }

    private void enforceBounds(String newest) throws IOException {
        List<Path> files = files();
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        int count = files.size();
        for (Path oldest : files) {
            if (count <= maxReports && totalBytes <= maxBytes) {
                return;
            }
            if (oldest.getFileName().toString().equals(newest) && count == 1) {
                LOG.severe("report " + newest + " alone is larger than --spool-max-bytes " + maxBytes + " and is dropped");
            } else {
                LOG.warning("spool holds more than " + maxReports + " reports or " + maxBytes
                        + " bytes, so the oldest undelivered report " + oldest.getFileName() + " is dropped");
            }
            totalBytes -= Files.size(oldest);
            count--;
            Files.deleteIfExists(oldest);
        }
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            listing.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
