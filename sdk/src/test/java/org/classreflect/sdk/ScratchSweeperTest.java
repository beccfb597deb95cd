package org.classreflect.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.recording.SweepUnnamedAudio;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch files a killed process left are removed at start, and old ones every hour. */
class ScratchSweeperTest {

    @TempDir
    Path dir;

    private Path file(String relative, Duration age) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "left behind");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    @Test
    void atStartEverythingInsideTheDirectoriesGoesButTheDirectoriesAndTheirNeighboursStay() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path probe = Files.createDirectories(dir.resolve("probe"));
        file("work/job-1/upload.audio", Duration.ZERO);
        file("work/pocketsphinx-1.wav", Duration.ofMinutes(1));
        file("probe/probe-2.audio", Duration.ofDays(3));
        Path neighbour = file("keep/me.txt", Duration.ofDays(3));

        int deleted = new ScratchSweeper(List.of(work, probe, dir.resolve("missing")), Clock.systemUTC()).sweepAll();

        assertThat(deleted).isEqualTo(3);
        assertThat(work).isEmptyDirectory();
        assertThat(probe).isEmptyDirectory();
        assertThat(neighbour).exists();
    }

    @Test
    void hourlyOnlyFilesOlderThanTheSafeAgeGoAndDirectoriesTheyLeaveEmpty() throws Exception {
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Path old = file("uploads/MultiPart-old.tmp", ScratchSweeper.SAFE_AGE.plusHours(1));
        Path fresh = file("uploads/MultiPart-fresh.tmp", Duration.ofHours(2));
        Path oldInDir = file("uploads/job-9/copy.audio", Duration.ofDays(2));
        Files.setLastModifiedTime(oldInDir.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        int deleted = new ScratchSweeper(List.of(uploads), Clock.systemUTC())
                .sweepOlderThan(ScratchSweeper.SAFE_AGE);

        assertThat(deleted).isEqualTo(2);
        assertThat(old).doesNotExist();
        assertThat(oldInDir).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void theBuilderSweepsItsScratchDirectoryAtBuildAndTheHourlyTaskSweepsOldFiles() throws Exception {
        Path leftover = file("work/job-1/upload.audio", Duration.ZERO);
        Path probeLeftover = file("probe/probe.audio", Duration.ZERO);
        Path notOurs = file("other/file.txt", Duration.ZERO);

        try (ClassReflect classReflect = ClassReflect.builder().transcriber(new FakeTranscriber())
                .scratchDirectory(dir).build()) {
            assertThat(leftover).doesNotExist();
            assertThat(probeLeftover).doesNotExist();
            assertThat(notOurs).exists();

            Path old = file("work/job-2/old.audio", Duration.ofDays(2));
            Path young = file("work/job-3/young.audio", Duration.ofMinutes(5));
            assertThat(classReflect.workers().sweepOldScratch()).isEqualTo(1);
            assertThat(old).doesNotExist();
            assertThat(young).exists();

            Path olderStill = file("probe/probe-old.audio", Duration.ofDays(3));
            classReflect.applyRetention();
            assertThat(olderStill).as("an embedder's own retention schedule sweeps too").doesNotExist();
            assertThat(young).exists();
        }
    }
    @Test
    void aFilesystemStoresUnfinishedWritesGoButItsAudioAndShardDirectoriesStay() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        FilesystemAudioStore store = new FilesystemAudioStore(audio);
        store.put("ab12-lesson", new ByteArrayInputStream("stored audio".getBytes()));
        Path stored = store.localFile("ab12-lesson").orElseThrow();
        Path oldLeftover = file("audio/ab/.incoming-123.part", ScratchSweeper.SAFE_AGE.plusHours(1));
        Path freshLeftover = file("audio/cd/.incoming-456.part", Duration.ofMinutes(5));
        Files.setLastModifiedTime(stored, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        ScratchSweeper sweeper = ScratchSweeper.leftovers(store.leftoverWrites().orElseThrow(), Clock.systemUTC());

        assertThat(sweeper.sweepOlderThan(ScratchSweeper.SAFE_AGE)).isEqualTo(1);
        assertThat(oldLeftover).doesNotExist();
        assertThat(freshLeftover).exists();

        assertThat(sweeper.sweepAll()).isEqualTo(1);
        assertThat(freshLeftover).doesNotExist();
        assertThat(freshLeftover.getParent()).isEmptyDirectory();
        assertThat(stored).hasContent("stored audio");
    }

    @Test
    void aLocalInstallationSweepsUnfinishedUploadsAtStartAndHourly() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        Path leftover = file("audio/ef/.incoming-789.part", Duration.ZERO);
        try (ClassReflect core = ClassReflect.builder().audioDirectory(audio).scratchDirectory(dir.resolve("tmp"))
                .transcriber(new FakeTranscriber()).build()) {
            assertThat(leftover).doesNotExist();

            Path old = file("audio/ef/.incoming-790.part", ScratchSweeper.SAFE_AGE.plusHours(1));
            assertThat(core.workers().sweepOldScratch()).isEqualTo(1);
            assertThat(old).doesNotExist();
        }
    }

    @Test
    void aLocalInstallationSweepsOldAudioNoRecordingNamesBesideItsLeftovers() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        try (ClassReflect core = ClassReflect.builder().audioDirectory(audio).scratchDirectory(dir.resolve("tmp"))
                .transcriber(new FakeTranscriber()).build()) {
            Path orphan = file("audio/ab/ab-killed-before-its-row",
                    SweepUnnamedAudio.SAFE_AGE.plusHours(1));
            Path arriving = file("audio/cd/cd-row-not-filed-yet", SweepUnnamedAudio.SAFE_AGE.minusHours(1));

            assertThat(core.workers().sweepUnnamedAudio())
                    .isEqualTo(new SweepUnnamedAudio.Report(1, "left behind".length()));
            assertThat(orphan).doesNotExist();
            assertThat(arriving).exists();

            Files.setLastModifiedTime(arriving, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            core.applyRetention();
            assertThat(arriving).as("an embedder's own retention schedule sweeps it too").doesNotExist();
        }
    }
}
