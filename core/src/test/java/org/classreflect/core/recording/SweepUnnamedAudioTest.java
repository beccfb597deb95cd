package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.wav;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio held for a lesson whose row never came (the process died in between), as the sweep finds it. */
class SweepUnnamedAudioTest {

    private static final int SIZE = 1000;

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private SweepUnnamedAudio sweep;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        sweep = new SweepUnnamedAudio(core.audio, core.stores.recordings(), core.clock);
    }

    @Test
    void deletesOldAudioNoRecordingNamesAndKeepsNamedAndYoungAudio() throws Exception {
        String orphan = heldAndNeverFiled();
        Recording named = core.upload(core.ada.asActor(), null, wav(SIZE)).orElseThrow();
        core.clock.advance(SweepUnnamedAudio.SAFE_AGE.minusMinutes(1));
        String young = heldAndNeverFiled();
        core.clock.advance(Duration.ofMinutes(2));

        SweepUnnamedAudio.Report report = sweep.execute();

        assertThat(report).isEqualTo(new SweepUnnamedAudio.Report(1, SIZE));
        assertThat(core.audio.keys()).containsExactlyInAnyOrder(named.audioKey(), young);
        assertThat(core.audio.keys()).doesNotContain(orphan);
    }

    @Test
    void sweepsAStoreOfMoreThanOneBatchAndKeepsEveryNamedPieceAmongThem() throws Exception {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            if (i % 100 == 0) {
                named.add(core.upload(core.ada.asActor(), null, wav(SIZE)).orElseThrow().audioKey());
            } else {
                heldAndNeverFiled();
            }
        }
        core.clock.advance(SweepUnnamedAudio.SAFE_AGE.plusMinutes(1));

        SweepUnnamedAudio.Report report = sweep.execute();

        assertThat(report).isEqualTo(new SweepUnnamedAudio.Report(620 - named.size(), (620L - named.size()) * SIZE));
        assertThat(core.audio.keys()).containsExactlyInAnyOrderElementsOf(named);
        assertThat(sweep.execute()).isEqualTo(new SweepUnnamedAudio.Report(0, 0));
    }

    /** What a process killed between storing a streamed upload's audio and filing its row leaves. */
    private String heldAndNeverFiled() throws Exception {
        return core.uploadRecording().hold("lesson.wav", null, new ByteArrayInputStream(wav(SIZE))).orElseThrow()
                .recordingId();
    }
}
