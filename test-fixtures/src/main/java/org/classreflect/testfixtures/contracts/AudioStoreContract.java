package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.classreflect.core.storage.AudioStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link AudioStore} must do. Extend it and say how to make a fresh, empty store. */
public abstract class AudioStoreContract {

    private static final int MULTI_MEGABYTE = 5 * 1024 * 1024 + 123;

    protected AudioStore store;

    protected abstract AudioStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @Test
    void streamsSeveralMegabytesThereAndBackUnchanged() throws Exception {
        store.put("round-trip", new GeneratedStream(MULTI_MEGABYTE, 42, Long.MAX_VALUE));

        assertThat(store.exists("round-trip")).isTrue();
        try (InputStream in = store.open("round-trip")) {
            assertThat(sha256(in)).isEqualTo(sha256(new GeneratedStream(MULTI_MEGABYTE, 42, Long.MAX_VALUE)));
        }
    }

    @Test
    void putOverAnExistingKeyReplacesTheContent() throws Exception {
        store.put("overwritten", text("first version, rather long"));
        store.put("overwritten", text("second"));

        assertThat(read("overwritten")).isEqualTo("second");
    }

    @Test
    void aPutWhoseStreamFailsHalfWayLeavesNothing() throws Exception {
        assertThatThrownBy(() -> store.put("broken", new GeneratedStream(MULTI_MEGABYTE, 7, MULTI_MEGABYTE / 2)))
                .isInstanceOf(IOException.class);

        assertThat(store.exists("broken")).isFalse();
        assertThatThrownBy(() -> store.open("broken").close())
                .isInstanceOfAny(FileNotFoundException.class, NoSuchFileException.class);
    }

    @Test
    void aFailedPutOverAnExistingKeyKeepsTheOldContent() throws Exception {
        store.put("kept", text("the old audio"));

        assertThatThrownBy(() -> store.put("kept", new GeneratedStream(MULTI_MEGABYTE, 7, MULTI_MEGABYTE / 2)))
                .isInstanceOf(IOException.class);

        assertThat(read("kept")).isEqualTo("the old audio");
    }

    @Test
    void deleteRemovesTheAudioAndMayBeRepeated() throws Exception {
        store.put("deleted", text("audio"));

        store.delete("deleted");
        store.delete("deleted");

        assertThat(store.exists("deleted")).isFalse();
    }

    @Test
    void deletingAKeyThatNeverHeldAnythingIsNotAnError() throws Exception {
        store.delete("never-stored");

        assertThat(store.exists("never-stored")).isFalse();
    }

    @Test
    void openingAMissingKeyThrowsFileNotFound() {
        assertThatThrownBy(() -> store.open("missing").close())
                .isInstanceOfAny(FileNotFoundException.class, NoSuchFileException.class);
    }

    @Test
    void keysThatAreIdsAreAccepted() throws Exception {
        String uuid = "3f2b8c1e-9d4a-4c6b-8e2f-1a5b7c9d0e3f";
        store.put(uuid, text("uuid"));
        store.put("A", text("one letter"));

        assertThat(read(uuid)).isEqualTo("uuid");
        assertThat(read("A")).isEqualTo("one letter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../escape", "a/../../escape", "nested/key", "/etc/passwd", "a\\b",
            ".hidden", "-dash-first", "with space", "a..b", "C:file", "tab\tkey", "line\nbreak"})
    void keysThatCouldBePathsAreRefused(String key) {
        assertThatThrownBy(() -> store.put(key, text("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOverlongKeyIsRefused() {
        assertThatThrownBy(() -> store.put("k".repeat(129), text("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private String read(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Pseudo-random bytes made on the fly, so a test never holds megabytes; each byte depends only on the seed and
     * its position, whatever buffer sizes the reader uses. Throws once {@code failAt} bytes were read.
     */
    private static final class GeneratedStream extends InputStream {

        private final long seed;
        private final long length;
        private final long failAt;
        private long position;

        GeneratedStream(long length, long seed, long failAt) {
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
    }
}
