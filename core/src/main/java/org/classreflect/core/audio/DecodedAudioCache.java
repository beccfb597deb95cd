package org.classreflect.core.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.common.OwnerOnly;

/**
 * The audio a job's speech engine decoded, kept in the worker's scratch directory as a {@link Pcm16Wav} so that the
 * job's analysis reads it instead of decoding the recording again. Keyed by recording and audio key; the name starts
 * with the recording's id, so deleting the recording's scratch copies deletes it too. A pass is written under a
 * temporary name and renamed only when complete, so a half-written one is never found; a failure to write it never
 * fails the transcription, it only leaves nothing to find (the analysis then decodes as it would without).
 */
public final class DecodedAudioCache {

    private static final Logger LOG = Logger.getLogger(DecodedAudioCache.class.getName());
    private static final String MARK = ".decoded-";

    private final Path scratchDir;

    public DecodedAudioCache(Path scratchDir) {
        this.scratchDir = scratchDir;
    }

    /** Collects the chunks of the pass about to be decoded; nothing is kept unless {@link Pass#keepIfWhole}. */
    public Pass start(String recordingId, String audioKey) {
        return new Pass(recordingId, file(recordingId, audioKey));
    }

    /** The complete pass kept for this recording's audio, if there is one. */
    public Optional<Path> find(String recordingId, String audioKey) {
        Path file = file(recordingId, audioKey);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public void discard(String recordingId, String audioKey) {
        deleteQuietly(file(recordingId, audioKey));
    }

    private Path file(String recordingId, String audioKey) {
        return scratchDir.resolve(recordingId + MARK + audioKey + ".wav");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete " + file + "; the scratch sweep will", e);
        }
    }

    /**
     * Receives the decoded chunks in order and writes them to a temporary file, created with the first chunk (an
     * engine that does not decode here leaves no file at all). Never throws: the first failure to write ends the
     * pass, which is then not kept; so does keeping it. Closing deletes whatever was not kept.
     */
    public final class Pass implements Consumer<float[]>, AutoCloseable {

        private final String recordingId;
        private final Path target;
        private Path partial;
        private Pcm16Wav.Writer writer;
        private boolean ended;

        private Pass(String recordingId, Path target) {
            this.recordingId = recordingId;
            this.target = target;
        }

        @Override
        public void accept(float[] chunk) {
            if (ended) {
                return;
            }
            try {
                if (writer == null) {
                    partial = OwnerOnly.tempFile(scratchDir, recordingId + MARK, ".partial");
                    writer = Pcm16Wav.create(partial);
                }
                writer.write(chunk);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the decoded audio of recording " + recordingId + " is not kept; its analysis"
                        + " will decode the audio again", e);
                ended = true;
                abandon();
            }
        }

        /**
         * Keeps the pass when it holds every sample of the {@code seconds} the engine transcribed (to within one
         * sample), i.e. the engine handed over its whole decoding; returns whether it was kept.
         */
        public boolean keepIfWhole(double seconds) {
            if (ended || writer == null
                    || Math.abs(writer.samples() - Math.round(seconds * AudioDecoder.SAMPLE_RATE)) > 1) {
                return false;
            }
            try {
                writer.finish();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                partial = null;
                writer = null;
                ended = true;
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "the decoded audio of recording " + recordingId + " could not be kept", e);
                ended = true;
                abandon();
                return false;
            }
        }

        @Override
        public void close() {
            abandon();
        }

        private void abandon() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // the file is deleted next; nothing it held is needed
                }
                writer = null;
            }
            if (partial != null) {
                deleteQuietly(partial);
                partial = null;
            }
        }
    }
}
