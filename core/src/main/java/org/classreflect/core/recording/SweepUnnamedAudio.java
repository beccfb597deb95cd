package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.AudioStore.StoredAudio;

/**
 * Deletes stored audio that no recording names, once it is older than {@link #SAFE_AGE}. A streamed upload's audio is
 * stored before its row is filed ({@link UploadRecording#hold}), so a process killed in between leaves audio nothing
 * finds; so does a recording whose row went but whose audio's deletion failed. The store is read as it lists, and the
 * recordings are asked about a batch of keys at a time, so memory does not grow with the store.
 */
public final class SweepUnnamedAudio {

    /**
     * Far longer than any audio can wait for its row: a held upload is filed as soon as its form's closing fields are
     * read (seconds after the last byte), and even the largest upload on a slow link arrives in hours. Audio younger
     * than this may still be on its way to being named, and is left alone.
     */
    public static final Duration SAFE_AGE = Duration.ofHours(24);

    private static final int BATCH = 500;

    /** What a sweep removed. */
    public record Report(int deleted, long bytes) {
    }

    private final AudioStore audioStore;
    private final Recordings recordings;
    private final Clock clock;

    @Inject
    public SweepUnnamedAudio(AudioStore audioStore, Recordings recordings, Clock clock) {
        this.audioStore = audioStore;
        this.recordings = recordings;
        this.clock = clock;
    }

    public Report execute() throws IOException {
        Instant cutoff = clock.instant().minus(SAFE_AGE);
        List<StoredAudio> batch = new ArrayList<>(BATCH);
        Report removed = new Report(0, 0);
        try (Stream<StoredAudio> stored = audioStore.stored()) {
            for (Iterator<StoredAudio> it = stored.iterator(); it.hasNext(); ) {
                StoredAudio audio = it.next();
                if (audio.lastModified().isBefore(cutoff)) {
                    batch.add(audio);
                }
                if (batch.size() == BATCH) {
                    removed = add(removed, deleteUnnamed(batch));
                    batch.clear();
                }
            }
        }
        return add(removed, deleteUnnamed(batch));
    }

    private Report deleteUnnamed(List<StoredAudio> batch) throws IOException {
        if (batch.isEmpty()) {
            return new Report(0, 0);
        }
        Set<String> named = recordings.namingAudio(batch.stream().map(StoredAudio::key).toList());
        int deleted = 0;
        long bytes = 0;
        for (StoredAudio audio : batch) {
            if (!named.contains(audio.key())) {
                audioStore.delete(audio.key());
                deleted++;
                bytes += audio.sizeBytes();
            }
        }
        return new Report(deleted, bytes);
    }

    private static Report add(Report a, Report b) {
        return new Report(a.deleted() + b.deleted(), a.bytes() + b.bytes());
    }
}
