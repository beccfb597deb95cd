package org.classreflect.core.deletion;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.classreflect.core.queue.WorkerSettings;

/**
 * The working copies of a recording's audio that this process's workers keep while a job runs: files in the scratch
 * directory whose names start with the recording's id (the transcription and analysis stages name them so, and so
 * does the decoded audio a job keeps for its analysis, {@link org.classreflect.core.audio.DecodedAudioCache}).
 */
public final class ScratchCopies {

    private final Path scratchDir;

    @Inject
    public ScratchCopies(WorkerSettings worker) {
        this.scratchDir = worker.scratchDir();
    }

    /** Deletes them; returns how many there were. */
    public int deleteFor(String recordingId) {
        if (!Files.isDirectory(scratchDir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(scratchDir, path ->
                path.getFileName().toString().startsWith(recordingId))) {
            for (Path copy : copies) {
                if (Files.deleteIfExists(copy)) {
                    deleted++;
                }
            }
        } catch (NoSuchFileException gone) {
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the scratch copies of recording " + recordingId, e);
        }
        return deleted;
    }
}
