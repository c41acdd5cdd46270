package org.feedback.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Compresses and expands stored report bodies.
 *
 * <p>New bodies are raw deflate with a preset dictionary ({@value #DICTIONARY_ENCODING}): the dictionary is
 * the scrubbed text of a real full report of MariaDB 10.11, so the names and most values of another report
 * compress to back-references. That takes a 25 KB full report to about a tenth of the size gzip reaches
 * (docs/benchmarks.md has the numbers). The dictionary file never changes once released, because stored
 * bodies need it to expand; a better dictionary gets a new encoding name. Bodies written before the
 * dictionary existed are {@value #GZIP_ENCODING}.
 */
final class BodyCodec {

    static final String GZIP_ENCODING = "gzip";
    static final String DICTIONARY_ENCODING = "deflate-d1";

    private static final String DICTIONARY_RESOURCE = "/org/feedback/ingest/report-dictionary-1.txt";
    private static final byte[] DICTIONARY = loadDictionary();

    private final ThreadLocal<Deflater> deflaters;

    /** Creates a codec that compresses at {@code level}, from 1 (fastest) to 9 (smallest). */
    BodyCodec(int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("compression level " + level + " is invalid; use 1 to 9");
        }
        this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    }

    /**
     * Compresses the first {@code length} bytes of {@code text} with the preset dictionary; the result's
     * encoding is {@value #DICTIONARY_ENCODING}.
     */
    byte[] compress(byte[] text, int length) {
        Deflater deflater = deflaters.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(text, 0, length);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 8 + 64);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        return out.toByteArray();
    }

    /** Expands a stored body written with {@code encoding}. */
    static byte[] expand(String encoding, byte[] body) {
        return switch (encoding) {
            case DICTIONARY_ENCODING -> inflateWithDictionary(body);
            case GZIP_ENCODING -> gunzip(body);
            default -> throw new IllegalArgumentException("unknown body encoding '" + encoding
                    + "'; this server reads " + GZIP_ENCODING + " and " + DICTIONARY_ENCODING);
        };
    }

    private static byte[] inflateWithDictionary(byte[] body) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 8);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(chunk);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("stored body is truncated: it ends before the deflate stream does");
                }
                out.write(chunk, 0, inflated);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored body is not valid " + DICTIONARY_ENCODING + " data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("stored body is not valid gzip data", e);
        }
    }

    private static byte[] loadDictionary() {
        try (InputStream in = BodyCodec.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DICTIONARY_RESOURCE + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
