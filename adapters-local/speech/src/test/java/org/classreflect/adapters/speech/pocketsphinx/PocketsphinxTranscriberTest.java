package org.classreflect.adapters.speech.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.Word;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Debian's pocketsphinx_continuous; skipped, saying what to install, on a machine without it. */
class PocketsphinxTranscriberTest {

    @TempDir
    Path dir;

    private final PocketsphinxTranscriber engine = new PocketsphinxTranscriber(new FfmpegAudioDecoder());

    private void assumeInstalled() {
        TranscriberStatus status = engine.status();
        assumeTrue(status.ready(), () -> "pocketsphinx is not installed here (" + status.detail() + ")");
    }

    private List<String> words(Path audio) throws TranscriptionException {
        return engine.transcribe(audio, p -> { }).words().stream().map(Word::text).toList();
    }

    /**
     * Decoding is sample-exact, so a lossless copy (FLAC, or WAV at another rate and channel count) gives the very
     * same words. Lossy codecs change the sound a little, and pocketsphinx is fragile (a 1 ms shift changes words):
     * there the bound sits under the word-sequence similarity measured here (mp3 0.88, opus 0.60, m4a 0.54 on
     * 2026-11-23).
     */
    @Test
    void losslessCopiesGiveTheSameTranscriptAndLossyOnesASimilarOne() throws Exception {
        assumeInstalled();
        Path wav = AudioFixtures.shared("jfk.wav");
        List<String> reference = words(wav);
        for (AudioFixtures.Encoding encoding : AudioFixtures.Encoding.values()) {
            List<String> heard = words(AudioFixtures.encode(wav, encoding, dir.resolve("jfk." + encoding.extension())));
            switch (encoding) {
                case FLAC, WAV -> assertThat(heard).as(encoding.name()).isEqualTo(reference);
                case MP3 -> assertThat(similarity(heard, reference)).as(encoding.name()).isGreaterThanOrEqualTo(0.8);
                default -> assertThat(similarity(heard, reference)).as(encoding.name()).isGreaterThanOrEqualTo(0.4);
            }
        }
    }

    /** Longest common subsequence of words over the longer length: 1 for the same words, 0 for none in common. */
    private static double similarity(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lcs[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return lcs[a.size()][b.size()] / (double) Math.max(1, Math.max(a.size(), b.size()));
    }

    @Test
    void jfkGivesRealWordsWithMonotonicTimesWithinTheAudio() throws Exception {
        assumeInstalled();
        Path audio = Files.copy(AudioFixtures.shared("jfk.wav"), dir.resolve("upload.audio"));
        List<Integer> progress = new ArrayList<>();

        Transcription t = engine.transcribe(audio, progress::add);

        assertThat(t.engine()).isEqualTo("pocketsphinx");
        assertThat(t.audioSeconds()).isEqualTo(11.0);
        assertThat(t.words()).extracting(Word::text).contains("country", "you");
        assertThat(t.words()).allSatisfy(w -> {
            assertThat(w.text()).matches("[a-z']+");
            assertThat(w.start()).isBetween(0.0, 11.0);
            assertThat(w.end()).isBetween(w.start(), 11.0);
            assertThat(w.confidence()).isBetween(0.0, 1.0);
        });
        for (int i = 1; i < t.words().size(); i++) {
            assertThat(t.words().get(i).start()).isGreaterThanOrEqualTo(t.words().get(i - 1).end());
        }
        assertThat(t.segments()).isNotEmpty();
        assertThat(String.join(" ", t.segments().stream().map(s -> s.text()).toList()))
                .isEqualTo(String.join(" ", t.words().stream().map(Word::text).toList()));
        assertThat(progress).startsWith(0).endsWith(100);
        try (var left = Files.list(dir)) {
            assertThat(left).as("scratch files are removed").containsExactly(audio);
        }
    }

    @Test
    void anyFormatIsDecodedFirst() throws Exception {
        assumeInstalled();
        Path mp3 = AudioFixtures.encode(AudioFixtures.shared("jfk.wav"), AudioFixtures.Encoding.MP3,
                dir.resolve("upload.audio"));

        Transcription t = engine.transcribe(mp3, p -> { });

        assertThat(t.audioSeconds()).isBetween(10.9, 11.1);
        // pocketsphinx hears lossy audio differently word by word, but mostly words of the speech; noise of the
        // right length (a decoding fault) gave 2 in 16
        Set<String> spoken = Set.of("and", "so", "my", "fellow", "americans", "ask", "not", "what", "your", "country",
                "can", "do", "for", "you");
        long heard = t.words().stream().filter(w -> spoken.contains(w.text())).count();
        assertThat(heard).as(t.words().toString()).isGreaterThanOrEqualTo(Math.round(t.words().size() * 0.3));
    }

    @Test
    void withoutTheProgramItSaysExactlyWhatToInstall() {
        var missing = new PocketsphinxTranscriber(new FfmpegAudioDecoder(), dir.resolve("no-such-program").toString(),
                PocketsphinxTranscriber.DEFAULT_MODEL_DIR);

        assertThat(missing.status().ready()).isFalse();
        assertThat(missing.status().engine()).isEqualTo("pocketsphinx");
        assertThat(missing.status().detail()).contains("apt-get install -y pocketsphinx pocketsphinx-en-us");
        assertThatThrownBy(() -> missing.transcribe(dir.resolve("x.wav"), p -> { }))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("pocketsphinx-en-us");
    }

    @Test
    void withoutTheModelItSaysExactlyWhatToInstall() {
        var noModel = new PocketsphinxTranscriber(new FfmpegAudioDecoder(), PocketsphinxTranscriber.DEFAULT_PROGRAM,
                dir.resolve("models"));

        assertThat(noModel.status().ready()).isFalse();
        assertThat(noModel.status().detail()).contains("model").contains("apt-get install -y pocketsphinx "
                + "pocketsphinx-en-us");
    }

    @Test
    void contentThatIsNotAudioFailsWithTheDecodersReason() throws Exception {
        assumeInstalled();
        Path png = AudioFixtures.png(dir.resolve("upload.audio"));

        assertThatThrownBy(() -> engine.transcribe(png, p -> { })).isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("png");
    }
}
