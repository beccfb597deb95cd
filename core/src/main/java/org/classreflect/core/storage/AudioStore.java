package org.classreflect.core.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Port: where lesson audio is kept. Content is streamed in both directions, never held whole in memory. A put is
 * atomic: if the stream fails part-way, nothing is stored under the key.
 */
public interface AudioStore {

    void put(String key, InputStream content) throws IOException;

    /** Opens the stored audio; throws {@link java.io.FileNotFoundException} when there is none under the key. */
    InputStream open(String key) throws IOException;

    /** Deletes the audio; deleting a key that holds nothing is not an error. */
    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /**
     * The stored audio's own file, when the store keeps it as a file on this host, so that it can be decoded where it
     * lies instead of being copied first; empty for stores that cannot (S3, memory). Throws
     * {@link java.nio.file.NoSuchFileException} when there is no audio under the key. The file must only be read.
     */
    default Optional<Path> localFile(String key) throws IOException {
        return Optional.empty();
    }

    /**
     * Whether a file could be stored now: writable, and how much space is free where the store can tell. A put that
     * fails for a full disk throws {@link StoreFullException}. Stores that cannot tell answer
     * {@link StoreCapacity#UNKNOWN}.
     */
    default StoreCapacity capacity() {
        return StoreCapacity.UNKNOWN;
    }

    /**
     * Where a process killed in the middle of a put leaves its unfinished write, and which files there are such
     * leftovers, so that the host can sweep them; empty for stores that leave none behind (memory) or clear them
     * themselves (S3: the bucket's lifecycle rule aborts incomplete multipart uploads).
     */
    default Optional<LeftoverWrites> leftoverWrites() {
        return Optional.empty();
    }

    /**
     * Every piece of stored audio, for the sweep of audio no recording names ({@link org.classreflect.core.recording.SweepUnnamedAudio}); handed over
     * as the store lists it, so memory does not grow with the store. The stream must be closed. Empty for stores whose
     * audio does not outlive the process (memory): a process killed mid-upload leaves nothing behind in them.
     */
    default Stream<StoredAudio> stored() throws IOException {
        return Stream.empty();
    }

    /** One piece of stored audio: its key, its size and when it was last written. */
    record StoredAudio(String key, long sizeBytes, Instant lastModified) {
    }

    /** A directory (searched with its subdirectories) and the test that tells a leftover file from stored audio. */
    record LeftoverWrites(Path directory, Predicate<Path> isLeftover) {
    }
}
