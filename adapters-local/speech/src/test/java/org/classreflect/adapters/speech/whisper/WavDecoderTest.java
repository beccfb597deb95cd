package org.classreflect.adapters.speech.whisper;

import org.classreflect.testfixtures.audio.WavDecoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavDecoderTest {

    @TempDir
    Path temp;

    private final WavDecoder decoder = new WavDecoder();

    @Test
    void probeReadsTheHeaderFacts() throws Exception {
        Path wav = TestAudio.sineWav(temp.resolve("a.wav"), 44_100f, 2, 1.5);

        AudioInfo info = decoder.probe(wav);

        assertThat(info.format()).isEqualTo("wav");
        assertThat(info.durationSeconds()).isCloseTo(1.5, within(0.001));
        assertThat(info.sampleRate()).isEqualTo(44_100);
        assertThat(info.channels()).isEqualTo(2);
    }

    @Test
    void decodesIn16kMonoChunksNoLargerThanAsked() throws Exception {
        Path wav = TestAudio.sineWav(temp.resolve("b.wav"), 8_000f, 2, 2.0);
        List<float[]> chunks = new ArrayList<>();

        decoder.decode(wav, 5_000, chunks::add);

        assertThat(chunks).allSatisfy(c -> assertThat(c.length).isBetween(1, 5_000));
        int total = chunks.stream().mapToInt(c -> c.length).sum();
        assertThat(total).isBetween(31_990, 32_000);
        float peak = 0;
        for (float[] chunk : chunks) {
            for (float s : chunk) {
                peak = Math.max(peak, Math.abs(s));
            }
        }
        assertThat(peak).isCloseTo(8000f / 32768f, within(0.01f));
    }

    @Test
    void audioAlreadyAt16kPassesSampleForSample() throws Exception {
        Path wav = TestAudio.sineWav(temp.resolve("c.wav"), 16_000f, 1, 1.0);
        List<float[]> chunks = new ArrayList<>();

        decoder.decode(wav, 16_000, chunks::add);

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0)).hasSize(16_000);
    }

    @Test
    void somethingElseIsUndecodableWithAReadableReason() throws Exception {
        Path text = Files.writeString(temp.resolve("notes.wav"), "not audio");

        assertThatThrownBy(() -> decoder.probe(text)).isInstanceOf(UndecodableAudioException.class)
                .hasMessageContaining("not a WAV file");
        assertThatThrownBy(() -> decoder.decode(text, 100, c -> { })).isInstanceOf(UndecodableAudioException.class);
    }
}
