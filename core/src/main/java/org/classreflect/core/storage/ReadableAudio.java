package org.classreflect.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.classreflect.core.common.OwnerOnly;

/**
 * Stored audio as a file a decoder or an engine can open: the store's own file when it keeps one on this host (no
 * copy), otherwise a scratch copy, deleted on close. The one home of that choice for the probe, the transcription
 * and the analysis.
 */
public final class ReadableAudio implements AutoCloseable {

    private final Path path;
    private final boolean scratchCopy;

    private ReadableAudio(Path path, boolean scratchCopy) {
        this.path = path;
        this.scratchCopy = scratchCopy;
    }

    /** Throws {@link java.nio.file.NoSuchFileException} or {@link java.io.FileNotFoundException} without audio. */
    public static ReadableAudio of(AudioStore store, String key, Path scratchDir, String prefix) throws IOException {
        Optional<Path> own = store.localFile(key);
        if (own.isPresent()) {
            return new ReadableAudio(own.get(), false);
        }
        Path copy = OwnerOnly.tempFile(scratchDir, prefix, ".audio");
        try (InputStream in = store.open(key)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new ReadableAudio(copy, true);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (scratchCopy) {
            Files.deleteIfExists(path);
        }
    }
}
