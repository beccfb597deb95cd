package org.classreflect.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A {@link SizeLimitedInputStream} that also computes the SHA-256 of the bytes it passes. */
public final class CountingDigestInputStream extends SizeLimitedInputStream {

    private final MessageDigest digest;

    public CountingDigestInputStream(InputStream in, long limit) {
        super(in, limit);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
