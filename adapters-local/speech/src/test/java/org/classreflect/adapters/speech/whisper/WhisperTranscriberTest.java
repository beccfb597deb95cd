package org.classreflect.adapters.speech.whisper;

import org.classreflect.testfixtures.audio.WavDecoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.adapters.speech.whisper.TestAudio.JFK;
import static org.classreflect.adapters.speech.whisper.TestAudio.STUB_MODEL;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real native library with whisper.cpp's test model: a ggml file without weights, so it loads and runs
 * but always hears nothing. It proves the plumbing (windows, progress, model choice), not the recognition.
 */
class WhisperTranscriberTest {

    @TempDir
    Path temp;

    private final List<WhisperTranscriber> created = new ArrayList<>();

    @Test
    void withTheStubModelTheEngineIsReadyAndTranscribesWindowByWindowToNothing() throws Exception {
        WhisperTranscriber transcriber = transcriber(STUB_MODEL, Duration.ofSeconds(4));
        List<Integer> progress = new ArrayList<>();

        assertThat(transcriber.status()).isEqualTo(TranscriberStatus.ready("whisper.cpp", "for-tests-ggml-tiny.en.bin"));
        long start = System.nanoTime();
        Transcription transcription = transcriber.transcribe(JFK, progress::add);
        System.out.println("whisper stub transcription of jfk.wav in 4 s windows took "
                + (System.nanoTime() - start) / 1_000_000 + " ms; progress " + progress);

        assertThat(transcription.engine()).isEqualTo("whisper.cpp");
        assertThat(transcription.modelId()).isEqualTo("for-tests-ggml-tiny.en.bin");
        assertThat(transcription.language()).isEqualTo("en");
        assertThat(transcription.segments()).isEmpty();
        assertThat(transcription.words()).isEmpty();
        assertThat(transcription.audioSeconds()).isCloseTo(11.0, within(0.01));
        // 11 s in windows of at most 4 s: at least three windows, each reported, then 100.
        assertThat(progress).hasSizeGreaterThanOrEqualTo(5).isSorted().doesNotHaveDuplicates()
                .startsWith(0).endsWith(100);
    }

    @Test
    void theAudioItDecodesIsHandedOverWholeAndInOrderForTheJobsAnalysis() throws Exception {
        ByteArrayOutputStream tapped = new ByteArrayOutputStream();
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();

        Transcription transcription = transcriber(STUB_MODEL, Duration.ofSeconds(4)).transcribe(JFK,
                TranscriptionOptions.DEFAULTS, TranscriptionProgress.IGNORE, chunk -> append(tapped, chunk));
        new WavDecoder().decode(JFK, 16_000, chunk -> append(decoded, chunk));

        assertThat(tapped.size() / 4).isEqualTo(Math.round(transcription.audioSeconds() * 16_000));
        assertThat(tapped.toByteArray()).isEqualTo(decoded.toByteArray());
    }

    private static void append(ByteArrayOutputStream out, float[] chunk) {
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length * 4);
        bytes.asFloatBuffer().put(chunk);
        out.writeBytes(bytes.array());
    }

    @Test
    void audioAtAnotherRateWithTwoChannelsIsResampledTo16kMono() throws Exception {
        Path wav = TestAudio.sineWav(temp.resolve("stereo-8k.wav"), 8_000f, 2, 2.0);

        Transcription transcription = transcriber(STUB_MODEL, Duration.ofMinutes(5))
                .transcribe(wav, TranscriptionProgress.IGNORE);

        assertThat(transcription.audioSeconds()).isCloseTo(2.0, within(0.001));
    }

    @Test
    void aJobMayAskForAnotherCatalogueModelFromTheModelsDirectoryAndALanguage() throws Exception {
        Path models = Files.createDirectories(temp.resolve("models"));
        Files.copy(STUB_MODEL, models.resolve("ggml-tiny.en.bin"));
        WhisperTranscriber transcriber = closedAfterTheTest(new WhisperTranscriber(
                temp.resolve("models/ggml-base.en.bin"), models, WhisperParameters.defaults(), new WavDecoder()));

        Transcription transcription = transcriber.transcribe(JFK,
                new TranscriptionOptions("tiny.en", "en", "Ask not what your country can do"),
                TranscriptionProgress.IGNORE);

        assertThat(transcription.modelId()).isEqualTo("ggml-tiny.en.bin");
        assertThat(transcription.language()).isEqualTo("en");
    }

    @Test
    void aModelThatIsNotDownloadedOrNotInTheCatalogueIsRefusedWithWhatToDo() {
        WhisperTranscriber transcriber = closedAfterTheTest(new WhisperTranscriber(STUB_MODEL, temp,
                WhisperParameters.defaults(), new WavDecoder()));

        assertThatThrownBy(() -> transcriber.transcribe(JFK, new TranscriptionOptions("small.en", null, null),
                TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("models pull small.en").hasMessageContaining(temp.toAbsolutePath().toString());
        assertThatThrownBy(() -> transcriber.transcribe(JFK, new TranscriptionOptions("huge", null, null),
                TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("no Whisper model called huge").hasMessageContaining("base.en, ");
    }

    @Test
    void aFileThatIsNotAudioFailsWithAReadableReason() throws Exception {
        Path notAudio = Files.writeString(temp.resolve("notes.wav"), "these are lesson notes, not audio");

        assertThatThrownBy(() -> transcriber(STUB_MODEL, Duration.ofMinutes(5))
                .transcribe(notAudio, TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("not a WAV file");
    }

    @Test
    void withoutAModelFileTheEngineIsUnavailableAndSaysHowToGetOne() {
        Path missing = temp.resolve("models/ggml-base.en.bin");

        TranscriberStatus status = transcriber(missing, Duration.ofMinutes(5)).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.engine()).isEqualTo("whisper.cpp");
        assertThat(status.detail())
                .contains(missing.toAbsolutePath().toString())
                .contains("models pull base.en")
                .contains("huggingface.co/ggerganov/whisper.cpp")
                .contains(temp.resolve("models").toAbsolutePath().toString());
    }

    @Test
    void transcribingWithoutAModelFailsWithTheSameAdvice() {
        Path missing = temp.resolve("ggml-base.en.bin");

        assertThatThrownBy(() -> transcriber(missing, Duration.ofMinutes(5))
                .transcribe(JFK, TranscriptionProgress.IGNORE))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("no Whisper model at " + missing.toAbsolutePath());
    }

    @Test
    void aFileThatIsNotAModelMakesTheEngineUnavailable() throws Exception {
        Path bogus = Files.writeString(temp.resolve("ggml-bogus.bin"), "not a ggml model");

        TranscriberStatus status = transcriber(bogus, Duration.ofMinutes(5)).status();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).contains("could not read the model");
    }

    /** Without the temperature fallback, which the stub (never confident) would trigger in every window. */
    private WhisperTranscriber transcriber(Path model, Duration window) {
        return closedAfterTheTest(new WhisperTranscriber(model, model.toAbsolutePath().getParent(),
                new WhisperParameters("auto", Runtime.getRuntime().availableProcessors(), "", 0f, 0.6f, window),
                new WavDecoder()));
    }

    private WhisperTranscriber closedAfterTheTest(WhisperTranscriber transcriber) {
        created.add(transcriber);
        return transcriber;
    }

    @AfterEach
    void freeTheModels() {
        created.forEach(WhisperTranscriber::close);
    }
}
