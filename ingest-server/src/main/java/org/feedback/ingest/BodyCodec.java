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
 * <p>New bodies are raw deflate with a preset dictionary, so the names and most values of a report compress
 * to back-references into it. There are two dictionaries, because the two main senders spell their keys
 * differently: {@value #DICTIONARY_ENCODING} is the scrubbed text of a real full report of MariaDB 10.11's
 * feedback plugin (upper-case names), and {@value #AGENT_DICTIONARY_ENCODING} that of a real report of this
 * project's agent (lower-case names, and the agent's own keys), used for reports that carry
 * {@code FEEDBACK_FORMAT_VERSION}. Either takes a full report to about a tenth of the size gzip reaches
 * (docs/benchmarks.md has the numbers). A dictionary file never changes once released, because stored
 * bodies need it to expand; a better dictionary gets a new encoding name. Bodies written before the
 * dictionaries existed are {@value #GZIP_ENCODING}.
 */
final class BodyCodec {

    static final String GZIP_ENCODING = "gzip";
    static final String DICTIONARY_ENCODING = "deflate-d1";
    static final String AGENT_DICTIONARY_ENCODING = "deflate-d2";

    private static final byte[] DICTIONARY = loadDictionary("/org/feedback/ingest/report-dictionary-1.txt");
    private static final byte[] AGENT_DICTIONARY = loadDictionary("/org/feedback/ingest/report-dictionary-2.txt");

    private final ThreadLocal<Deflater> deflaters;

    /** Creates a codec that compresses at {@code level}, from 1 (fastest) to 9 (smallest). */
    BodyCodec(int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("compression level " + level + " is invalid; use 1 to 9");
        }
        this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    }

    /** A compressed body and the name of its encoding. */
    record Compressed(String encoding, byte[] body) {
    }

    /**
     * Compresses the first {@code length} bytes of {@code text} with the dictionary that suits its sender:
     * the agent's when {@code agentReport} is set, the plugin's otherwise.
     */
    Compressed compress(byte[] text, int length, boolean agentReport) {
        return agentReport
                ? new Compressed(AGENT_DICTIONARY_ENCODING, compress(text, length, AGENT_DICTIONARY))
                : new Compressed(DICTIONARY_ENCODING, compress(text, length, DICTIONARY));
    }

    private byte[] compress(byte[] text, int length, byte[] dictionary) {
        Deflater deflater = deflaters.get();
        deflater.reset();
        deflater.setDictionary(dictionary);
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
            case DICTIONARY_ENCODING -> inflate(body, DICTIONARY, encoding);
            case AGENT_DICTIONARY_ENCODING -> inflate(body, AGENT_DICTIONARY, encoding);
            case GZIP_ENCODING -> gunzip(body);
            default -> throw new IllegalArgumentException("unknown body encoding '" + encoding + "'; this server reads "
                    + GZIP_ENCODING + ", " + DICTIONARY_ENCODING + " and " + AGENT_DICTIONARY_ENCODING);
        };
    }

    private static byte[] inflate(byte[] body, byte[] dictionary, String encoding) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(dictionary);
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
            throw new IllegalStateException("stored body is not valid " + encoding + " data: " + e.getMessage(), e);
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

    private static byte[] loadDictionary(String resource) {
        try (InputStream in = BodyCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
