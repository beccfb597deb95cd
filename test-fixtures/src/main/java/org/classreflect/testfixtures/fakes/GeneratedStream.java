package org.classreflect.testfixtures.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pseudo-random bytes made on the fly, so a test never holds megabytes; each byte depends only on the seed and
 * its position, whatever buffer sizes the reader uses. Throws once {@code failAt} bytes were read.
 */
public final class GeneratedStream extends InputStream {

    private final long seed;
    private final long length;
    private final long failAt;
    private long position;

    public GeneratedStream(long length, long seed, long failAt) {
        this.seed = seed;
        this.length = length;
        this.failAt = failAt;
    }

    private byte byteAt(long index) {
        long z = (seed * 0x9E3779B97F4A7C15L) + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return (byte) (z ^ (z >>> 29));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= failAt) {
            throw new IOException("the client went away half-way through the upload");
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, Math.min(length, failAt) - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = byteAt(position++);
        }
        return n;
    }

    /** The SHA-256 of everything the stream gives, in hex. */
    public static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
