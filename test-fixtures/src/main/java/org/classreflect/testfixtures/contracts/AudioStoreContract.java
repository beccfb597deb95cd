package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.testfixtures.fakes.GeneratedStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link AudioStore} must do. Extend it and say how to make a fresh, empty store. */
public abstract class AudioStoreContract {

    private static final int MULTI_MEGABYTE = 5 * 1024 * 1024 + 123;

    protected AudioStore store;

    protected abstract AudioStore newStore() throws Exception;

    /** Whether the store's audio outlives the process, and so is listed for the sweep of audio no recording names. */
    protected boolean keepsAudioBeyondTheProcess() {
        return true;
    }

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @Test
    void streamsSeveralMegabytesThereAndBackUnchanged() throws Exception {
        store.put("round-trip", new GeneratedStream(MULTI_MEGABYTE, 42, Long.MAX_VALUE));

        assertThat(store.exists("round-trip")).isTrue();
        try (InputStream in = store.open("round-trip")) {
            assertThat(GeneratedStream.sha256(in))
                    .isEqualTo(GeneratedStream.sha256(new GeneratedStream(MULTI_MEGABYTE, 42, Long.MAX_VALUE)));
        }
    }

    @Test
    void aLocalFileWhenTheStoreKeepsOneHoldsTheStoredBytesAndAMissingKeyHasNone() throws Exception {
        store.put("on-disk", text("the lesson's bytes"));

        java.util.Optional<java.nio.file.Path> file = store.localFile("on-disk");
        if (file.isPresent()) {
            assertThat(java.nio.file.Files.readString(file.get())).isEqualTo("the lesson's bytes");
            assertThatThrownBy(() -> store.localFile("never-stored")).isInstanceOf(NoSuchFileException.class);
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
    void listsEachStoredPieceOfAudioWithItsSizeAndWhenItWasWritten() throws Exception {
        java.time.Instant before = java.time.Instant.now().minusSeconds(2); // S3 keeps whole seconds
        store.put("ab-first", text("five!"));
        store.put("cd-second", text("two"));
        store.put("ef-deleted", text("gone"));
        store.delete("ef-deleted");
        java.time.Instant after = java.time.Instant.now().plusSeconds(2);

        java.util.List<AudioStore.StoredAudio> listed;
        try (java.util.stream.Stream<AudioStore.StoredAudio> stored = store.stored()) {
            listed = stored.sorted(java.util.Comparator.comparing(AudioStore.StoredAudio::key)).toList();
        }

        if (!keepsAudioBeyondTheProcess()) {
            assertThat(listed).isEmpty();
            return;
        }
        assertThat(listed).extracting(AudioStore.StoredAudio::key).containsExactly("ab-first", "cd-second");
        assertThat(listed).extracting(AudioStore.StoredAudio::sizeBytes).containsExactly(5L, 3L);
        assertThat(listed).allSatisfy(a -> assertThat(a.lastModified()).isBetween(before, after));
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

}
