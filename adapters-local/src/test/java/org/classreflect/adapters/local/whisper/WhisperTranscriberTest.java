package org.classreflect.adapters.local.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real native library with whisper.cpp's test model: a ggml file without weights, so it loads and runs
 * but always hears nothing. It proves the plumbing, not the recognition.
 */
class WhisperTranscriberTest {

    private static final Path SHARED = Path.of(System.getProperty("classreflect.shared", "../../shared"));
    private static final Path STUB_MODEL = SHARED.resolve("models/stub/for-tests-ggml-tiny.en.bin");
    private static final Path JFK = SHARED.resolve("audio/jfk.wav");

    @TempDir
    Path temp;

    @Test
    void withTheStubModelTheEngineIsReadyAndTranscribesToNothing() throws Exception {
        WhisperTranscriber transcriber = new WhisperTranscriber(STUB_MODEL);
        List<Integer> progress = new ArrayList<>();

        assertThat(transcriber.status()).isEqualTo(TranscriberStatus.ready("whisper.cpp", "for-tests-ggml-tiny.en.bin"));
        long start = System.nanoTime();
        Transcription transcription = transcriber.transcribe(JFK, progress::add);
        System.out.println("whisper stub transcription of jfk.wav took " + (System.nanoTime() - start) / 1_000_000
                + " ms");

        assertThat(transcription.engine()).isEqualTo("whisper.cpp");
        assertThat(transcription.modelId()).isEqualTo("for-tests-ggml-tiny.en.bin");
        assertThat(transcription.language()).isEqualTo("en");
        assertThat(transcription.segments()).isEmpty();
        assertThat(transcription.words()).isEmpty();
        assertThat(transcription.audioSeconds()).isCloseTo(11.0, within(0.01));
        assertThat(progress).containsExactly(0, 100);
    }

    @Test
    void audioAtAnotherRateWithTwoChannelsIsResampledTo16kMono() throws Exception {
        Path wav = writeSineWav(temp.resolve("stereo-8k.wav"), 8_000f, 2, 2.0);

        Transcription transcription = new WhisperTranscriber(STUB_MODEL).transcribe(wav, TranscriptionProgress.IGNORE);

        assertThat(transcription.audioSeconds()).isCloseTo(2.0, within(0.001));
    }

    @Test
    void aFileThatIsNotAudioFailsWithAReadableReason() throws Exception {
        Path notAudio = Files.writeString(temp.resolve("notes.wav"), "these are lesson notes, not audio");

        assertThatThrownBy(() -> new WhisperTranscriber(STUB_MODEL).transcribe(notAudio, TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("not a WAV file");
    }

    @Test
    void withoutAModelFileTheEngineIsUnavailableAndSaysWhereToPutOne() {
        Path missing = temp.resolve("models/ggml-base.en.bin");

        TranscriberStatus status = new WhisperTranscriber(missing).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.engine()).isEqualTo("whisper.cpp");
        assertThat(status.detail())
                .contains(missing.toAbsolutePath().toString())
                .contains("huggingface.co/ggerganov/whisper.cpp")
                .contains(temp.resolve("models").toAbsolutePath().toString());
    }

    @Test
    void transcribingWithoutAModelFailsWithTheSameAdvice() {
        Path missing = temp.resolve("ggml-base.en.bin");

        assertThatThrownBy(() -> new WhisperTranscriber(missing).transcribe(JFK, TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("no Whisper model at " + missing.toAbsolutePath());
    }

    @Test
    void aFileThatIsNotAModelMakesTheEngineUnavailable() throws Exception {
        Path bogus = Files.writeString(temp.resolve("ggml-bogus.bin"), "not a ggml model");

        TranscriberStatus status = new WhisperTranscriber(bogus).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).contains("could not read the model");
    }

    private static Path writeSineWav(Path file, float rate, int channels, double seconds) throws Exception {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int f = 0; f < frames; f++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * f / rate));
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * 2;
                pcm[at] = (byte) value;
                pcm[at + 1] = (byte) (value >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, new File(file.toString()));
        }
        return file;
    }
}
