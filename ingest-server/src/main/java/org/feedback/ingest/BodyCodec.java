package org.feedback.ingest;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Compresses and expands stored report bodies.
 *
 * <p>New bodies are zstd frames compressed with a preset dictionary, so the names and most values of a
 * report compress to back-references into it. There are two dictionaries, because the two main senders
 * spell their keys differently: dictionary 1 is the scrubbed text of a real full report of MariaDB 10.11's
 * feedback plugin (upper-case names), and dictionary 2 that of a real report of this project's agent
 * (lower-case names, and the agent's own keys), used for reports that carry {@code FEEDBACK_FORMAT_VERSION}.
 * Zstd digests each dictionary once, when the codec is created. Deflate loaded it again for every report,
 * and that cost as much as compressing the report itself (docs/benchmarks.md has the numbers).
 *
 * <p>A dictionary file never changes once released, because stored bodies need it to expand; a better
 * dictionary gets a new encoding name. Bodies written by earlier versions stay readable: raw deflate with
 * the same dictionaries ({@value #DEFLATE_DICTIONARY_ENCODING}, {@value #DEFLATE_AGENT_DICTIONARY_ENCODING})
 * and, before the dictionaries existed, {@value #GZIP_ENCODING}.
 */
final class BodyCodec {

    static final String ZSTD_DICTIONARY_ENCODING = "zstd-d1";
    static final String ZSTD_AGENT_DICTIONARY_ENCODING = "zstd-d2";
    static final String DEFLATE_DICTIONARY_ENCODING = "deflate-d1";
    static final String DEFLATE_AGENT_DICTIONARY_ENCODING = "deflate-d2";
    static final String GZIP_ENCODING = "gzip";

    /** Largest text a stored body may expand to; a body that declares more is damaged. */
    static final int MAX_EXPANDED_BYTES = 16 * 1024 * 1024;

    private static final byte[] DICTIONARY = loadDictionary("/org/feedback/ingest/report-dictionary-1.txt");
    private static final byte[] AGENT_DICTIONARY = loadDictionary("/org/feedback/ingest/report-dictionary-2.txt");
    private static final ZstdDictDecompress EXPAND_DICTIONARY = new ZstdDictDecompress(DICTIONARY);
    private static final ZstdDictDecompress EXPAND_AGENT_DICTIONARY = new ZstdDictDecompress(AGENT_DICTIONARY);

    private final ZstdDictCompress dictionary;
    private final ZstdDictCompress agentDictionary;
    private final ThreadLocal<ZstdCompressCtx> contexts;
    /** Per-thread output buffer, grown to the worst-case size of the largest text seen, then copied from. */
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[0]);

    /** Creates a codec that compresses at zstd {@code level}, from 1 (fastest) to 19 (smallest). */
    BodyCodec(int level) {
        if (level < 1 || level > 19) {
            throw new IllegalArgumentException("compression level " + level + " is invalid; use 1 to 19");
        }
        this.dictionary = new ZstdDictCompress(DICTIONARY, level);
        this.agentDictionary = new ZstdDictCompress(AGENT_DICTIONARY, level);
        this.contexts = ThreadLocal.withInitial(() -> new ZstdCompressCtx().setChecksum(true).setContentSize(true));
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
                ? new Compressed(ZSTD_AGENT_DICTIONARY_ENCODING, compress(text, length, agentDictionary))
                : new Compressed(ZSTD_DICTIONARY_ENCODING, compress(text, length, dictionary));
    }

    private byte[] compress(byte[] text, int length, ZstdDictCompress digested) {
        ZstdCompressCtx context = contexts.get();
        context.loadDict(digested);
        int bound = Math.toIntExact(Zstd.compressBound(length));
        byte[] out = buffers.get();
        if (out.length < bound) {
            out = new byte[bound];
            buffers.set(out);
        }
        int written = context.compressByteArray(out, 0, out.length, text, 0, length);
        return Arrays.copyOf(out, written);
    }

    /** Expands a stored body written with {@code encoding}. */
    static byte[] expand(String encoding, byte[] body) {
        return switch (encoding) {
            case ZSTD_DICTIONARY_ENCODING -> decompressZstd(body, EXPAND_DICTIONARY, encoding);
            case ZSTD_AGENT_DICTIONARY_ENCODING -> decompressZstd(body, EXPAND_AGENT_DICTIONARY, encoding);
            case DEFLATE_DICTIONARY_ENCODING -> inflate(body, DICTIONARY, encoding);
            case DEFLATE_AGENT_DICTIONARY_ENCODING -> inflate(body, AGENT_DICTIONARY, encoding);
            case GZIP_ENCODING -> gunzip(body);
            default -> throw new IllegalArgumentException("unknown body encoding '" + encoding + "'; this server reads "
                    + String.join(", ", ZSTD_DICTIONARY_ENCODING, ZSTD_AGENT_DICTIONARY_ENCODING,
                            DEFLATE_DICTIONARY_ENCODING, DEFLATE_AGENT_DICTIONARY_ENCODING, GZIP_ENCODING));
        };
    }

    private static byte[] decompressZstd(byte[] body, ZstdDictDecompress dictionary, String encoding) {
        long size = Zstd.getFrameContentSize(body);
        if (size < 0 || size > MAX_EXPANDED_BYTES) {
            throw new IllegalStateException("stored body is not a valid " + encoding + " frame: it declares "
                    + (size < 0 ? "no usable size" : size + " bytes, above the limit of " + MAX_EXPANDED_BYTES));
        }
        try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
            context.loadDict(dictionary);
            return context.decompress(body, (int) size);
        } catch (ZstdException e) {
            throw new IllegalStateException("stored body is not valid " + encoding + " data: " + e.getMessage(), e);
        }
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
