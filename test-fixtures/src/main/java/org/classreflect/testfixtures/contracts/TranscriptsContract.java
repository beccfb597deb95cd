package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.core.transcript.Word;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Transcripts} adapter must do. */
public abstract class TranscriptsContract {

    /** The transcripts and, in the same store, where the recordings they belong to are kept. */
    public record Store(Transcripts transcripts, Recordings recordings, Schools schools, Users users) {
    }

    private Transcripts transcripts;
    private Recordings recordings;

    /** An empty store: a new one, or a shared one the subclass has just cleaned. */
    protected abstract Store emptyStore();

    @BeforeEach
    void setUpStore() {
        Store store = emptyStore();
        transcripts = store.transcripts();
        recordings = store.recordings();
        store.schools().insert(ASchool.named("s-1", "Oak Primary"));
        store.users().insert(AUser.teacher("u-1", "s-1"));
        recordings.insert(ARecording.of("r-1", "s-1", "u-1").build());
        recordings.insert(ARecording.of("r-2", "s-1", "u-1").build());
    }

    @Test
    void roundTripsEveryFieldWithSegmentsAndWords() {
        Transcript transcript = new Transcript("r-1", "Good morning, class. Ça va? 🙂", "fr", "whisper.cpp",
                "ggml-small",
                List.of(new Segment(0.0, 1.92, "Good morning, class.", 0.9321),
                        new Segment(1.92, 3.5, "Ça va? 🙂", null, "Pupil «A»")),
                List.of(new Word(0.0, 0.41, "Good", 0.99), new Word(0.41, 0.97, "morning,", 0.875),
                        new Word(0.97, 1.92, "class.", null), new Word(1.92, 3.5, "Ça", 1.0 / 3)),
                4, 0.7712345678901234, 12.75, 3.5, Instant.parse("2026-03-02T09:00:00.456Z"));

        assertThat(transcripts.saveIfAbsent(transcript)).isTrue();

        assertThat(transcripts.find("r-1")).hasValue(transcript);
    }

    @Test
    void roundTripsNullsAndEmptyLists() {
        Transcript empty = new Transcript("r-1", "", null, "pocketsphinx", null, List.of(), List.of(), 0, null, 0.0,
                0.0, Instant.parse("2026-03-02T09:00:00.000Z"));

        transcripts.saveIfAbsent(empty);

        assertThat(transcripts.find("r-1")).hasValue(empty);
    }

    @Test
    void keepsALongText() {
        String text = "word ".repeat(100_000).trim();
        Transcript transcript = ATranscript.withText("r-1", text);

        transcripts.saveIfAbsent(transcript);

        assertThat(transcripts.find("r-1").orElseThrow().text()).isEqualTo(text);
    }

    @Test
    void keepsTimesToTheMillisecond() {
        Transcript t = ATranscript.withText("r-1", "hello");
        transcripts.saveIfAbsent(new Transcript(t.recordingId(), t.text(), t.language(), t.engine(), t.modelId(),
                t.segments(), t.words(), t.wordCount(), t.meanConfidence(), t.processingSeconds(), t.audioSeconds(),
                Instant.parse("2026-03-02T09:00:00.456789Z")));

        assertThat(transcripts.find("r-1").orElseThrow().createdAt()).isEqualTo("2026-03-02T09:00:00.456Z");
    }

    @Test
    void keepsTheFirstTranscriptWhenSavedTwice() {
        Transcript first = ATranscript.withText("r-1", "first");

        assertThat(transcripts.saveIfAbsent(first)).isTrue();
        assertThat(transcripts.saveIfAbsent(ATranscript.withText("r-1", "second"))).isFalse();
        assertThat(transcripts.saveIfAbsent(first)).isFalse();

        assertThat(transcripts.find("r-1")).hasValue(first);
    }

    @Test
    void keepsOneTranscriptPerRecording() {
        transcripts.saveIfAbsent(ATranscript.withText("r-1", "one"));
        transcripts.saveIfAbsent(ATranscript.withText("r-2", "two"));

        assertThat(transcripts.find("r-1").orElseThrow().text()).isEqualTo("one");
        assertThat(transcripts.find("r-2").orElseThrow().text()).isEqualTo("two");
        assertThat(transcripts.find("r-3")).isEmpty();
    }

    @Test
    void deletesATranscriptSoThatANewOneMayBeSaved() {
        transcripts.saveIfAbsent(ATranscript.withText("r-1", "old"));
        transcripts.saveIfAbsent(ATranscript.withText("r-2", "other"));

        transcripts.delete("r-1");
        transcripts.delete("r-unknown");

        assertThat(transcripts.find("r-1")).isEmpty();
        assertThat(transcripts.find("r-2")).isPresent();
        assertThat(transcripts.saveIfAbsent(ATranscript.withText("r-1", "new"))).isTrue();
        assertThat(transcripts.find("r-1").orElseThrow().text()).isEqualTo("new");
    }

    @Test
    void savesNothingForARecordingThatIsGone() {
        recordings.delete("r-2");

        assertThat(transcripts.saveIfAbsent(ATranscript.withText("r-2", "finished after an erasure"))).isFalse();
        assertThat(transcripts.saveIfAbsent(ATranscript.withText("r-never", "no such lesson"))).isFalse();

        assertThat(transcripts.find("r-2")).isEmpty();
        assertThat(transcripts.find("r-never")).isEmpty();
    }
}
