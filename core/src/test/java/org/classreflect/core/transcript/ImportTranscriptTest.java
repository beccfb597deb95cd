package org.classreflect.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.RequestAnalysis;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.inmemory.InMemoryAudioStore;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SuppliedSpeakers;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.AudioIntake;
import org.classreflect.core.recording.HeldAudio;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.StoredAudioCheck;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.User;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.transcript.format.TimedText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTranscriptTest {

    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,000
            What do plants need to grow?

            2
            00:00:06,000 --> 00:00:07,000
            Water.
            """;
    /** "RIFF....WAVE" is enough for the sniffer; the fake decoder says what it holds. */
    private static final byte[] WAV = "RIFF\0\0\0\0WAVEfmt \0\0\0\0\0\0\0\0".getBytes();

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStores stores = new InMemoryStores(clock);
    private final InMemoryAudioStore audio = new InMemoryAudioStore();
    private final InMemoryJobQueue queue = new InMemoryJobQueue(Duration.ofMinutes(5), 5, clock);
    private ImportTranscript use;
    private AudioIntake intake;
    private Actor teacher;

    @BeforeEach
    void setUp() {
        stores.schools().insert(new School("s1", "Alpha", clock.instant(), null));
        User t = new User("t1", "s1", "t@alpha.test", "T", Role.TEACHER, "hash", true, false, clock.instant(), null);
        stores.users().insert(t);
        teacher = t.asActor();
        stores.templates().insert(StarterTemplates.QUESTIONING_AND_WAIT_TIME);
        AudioDecoder decoder = new AudioDecoder() {
            @Override
            public AudioInfo probe(Path file) {
                return new AudioInfo("wav", 8.0, 16_000, 1);
            }

            @Override
            public void decode(Path file, int chunkSamples, java.util.function.Consumer<float[]> chunks) {
                for (int done = 0; done < 8 * SAMPLE_RATE; done += chunkSamples) {
                    chunks.accept(new float[Math.min(chunkSamples, 8 * SAMPLE_RATE - done)]); // 8 s, as probed
                }
            }
        };
        var check = new StoredAudioCheck(audio, decoder, new AudioCheckSettings(Duration.ofHours(1), dir));
        var analysis = new RequestAnalysis(stores.analyses(), stores.templates(), stores.recordings(),
                stores.schoolSettings(), queue, new AccessPolicy(), clock);
        intake = new AudioIntake(audio, new UploadLimits(1024 * 1024), check);
        use = new ImportTranscript(stores.recordings(), stores.transcripts(), stores.users(), new AccessPolicy(),
                audio, new UploadLimits(1024 * 1024), check, analysis, clock);
    }

    private Result<Recording> importSrt(String text, byte[] sound, String templateId) throws Exception {
        return use.execute(teacher, new ImportTranscript.Command(null, RecordingMetadata.NONE, "lesson.srt", text,
                null, sound == null ? null : new ImportTranscript.Audio("lesson.wav", null,
                new ByteArrayInputStream(sound)), templateId));
    }

    @Test
    void anSrtWithoutAudioBecomesACompletedLessonWithItsTranscriptAndQueuedAnalysis() throws Exception {
        Recording r = importSrt(SRT, null, StarterTemplates.QUESTIONING_AND_WAIT_TIME.id()).orElseThrow();

        assertThat(r.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(stores.recordings().find(r.id())).contains(r);
        assertThat(r.teacherId()).isEqualTo("t1");
        assertThat(r.originalFileName()).isEqualTo("lesson.srt");
        assertThat(r.durationSeconds()).isEqualTo(7.0);
        assertThat(audio.exists(r.audioKey())).isFalse();
        Transcript t = stores.transcripts().find(r.id()).orElseThrow();
        assertThat(t.engine()).isEqualTo(ImportTranscript.ENGINE);
        assertThat(t.text()).isEqualTo("What do plants need to grow? Water.");
        assertThat(t.segments()).hasSize(2);
        assertThat(stores.analyses().listForRecording(r.id())).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AnalysisStatus.QUEUED));
        assertThat(queue.snapshot().visible()).isEqualTo(1); // the worker runs the analysis of a completed lesson
    }

    @Test
    void heldAudioBecomesTheLessonsAudioOrIsRemovedWhenTheTranscriptIsRefused() throws Exception {
        HeldAudio held = intake.hold("lesson.wav", null, new ByteArrayInputStream(WAV)).orElseThrow();
        var command = new ImportTranscript.Command(null, RecordingMetadata.NONE, "lesson.srt", SRT, null, null, null);

        Recording r = use.execute(teacher, command, held).orElseThrow();

        assertThat(r.id()).isEqualTo(held.recordingId());
        assertThat(r.originalFileName()).isEqualTo("lesson.wav");
        assertThat(r.sizeBytes()).isEqualTo(WAV.length);
        assertThat(audio.exists(r.audioKey())).isTrue();

        HeldAudio second = intake.hold("other.wav", null, new ByteArrayInputStream(WAV)).orElseThrow();
        var broken = new ImportTranscript.Command(null, RecordingMetadata.NONE, "x.srt", "not a transcript", null,
                null, null);
        assertThat(use.execute(teacher, broken, second).isOk()).isFalse();
        assertThat(audio.exists(second.recordingId())).isFalse();
        assertThat(stores.recordings().find(second.recordingId())).isEmpty();
    }

    @Test
    void withAudioTheAudioIsStoredAsForAnUpload() throws Exception {
        Recording r = importSrt(SRT, WAV, null).orElseThrow();

        assertThat(audio.exists(r.audioKey())).isTrue();
        assertThat(r.contentType()).isEqualTo("audio/wav");
        assertThat(r.sizeBytes()).isEqualTo(WAV.length);
        assertThat(r.durationSeconds()).isEqualTo(8.0);
        assertThat(r.originalFileName()).isEqualTo("lesson.wav");
        assertThat(stores.analyses().listForRecording(r.id())).as("no template named: the school's default")
                .singleElement().satisfies(a -> assertThat(a.templateId())
                        .isEqualTo(SchoolAnalysisSettings.STARTER_DEFAULT_TEMPLATE_ID));
    }

    @Test
    void suppliedCuesWithSpeakersAreKeptAndWinOverTheAudio() throws Exception {
        Recording r = use.execute(teacher, new ImportTranscript.Command(null, null, "lesson.json", null, List.of(
                new TimedText(0, 2, "Who knows?", "Ms Smith"), new TimedText(2.1, 3, "Me!", "Pupil"),
                new TimedText(3.1, 4, "Go on.", "Ms Smith")), null, null)).orElseThrow();

        Transcript t = stores.transcripts().find(r.id()).orElseThrow();
        assertThat(t.segments()).extracting(Segment::speaker).containsExactly("Ms Smith", "Pupil", "Ms Smith");
        var labelled = SuppliedSpeakers.of(t).orElseThrow();
        assertThat(labelled.estimate().speakers())
                .containsExactly(Speaker.TEACHER, Speaker.STUDENT, Speaker.TEACHER);
        assertThat(labelled.estimate().isConfident()).isTrue();
        assertThat(labelled.utterances()).hasSize(3); // a change of speaker always ends an utterance
    }

    @Test
    void aLabelTeacherIsTheTeacherWhereverItComesFirst() {
        Transcript t = Transcript.of("r", new Transcription(null, "import", null, List.of(
                new Segment(0, 1, "Hi miss", null, "student"), new Segment(1.2, 2, "Hello", 0.8, "Teacher"),
                new Segment(2.2, 3, "Hi all", null, "Teacher")), List.of(), 3), 0, clock.instant());
        var labelled = SuppliedSpeakers.of(t).orElseThrow();
        assertThat(labelled.estimate().speakers()).containsExactly(Speaker.STUDENT, Speaker.TEACHER);
        assertThat(labelled.utterances().get(1).text()).isEqualTo("Hello Hi all");
        assertThat(labelled.utterances().get(1).wordConfidences()).as("each word keeps its segment's confidence")
                .containsExactly(0.8, Double.NaN, Double.NaN);
        assertThat(SuppliedSpeakers.of(Transcript.of("r", new Transcription(null, "x", null,
                List.of(new Segment(0, 1, "a", null)), List.of(), 1), 0, clock.instant()))).isEmpty();
    }

    @Test
    void aRefusedTranscriptLeavesNothingBehind() throws Exception {
        Result<Recording> overlap = importSrt(SRT.replace("00:00:06,000", "00:00:02,000"), WAV, null);
        assertRejected(overlap, Rejection.Reason.INVALID_INPUT, "overlap");
        assertRejected(importSrt("hello there", null, null), Rejection.Reason.INVALID_INPUT, "format");
        assertRejected(importSrt(SRT, "not audio at all".getBytes(), null), Rejection.Reason.UNSUPPORTED_MEDIA_TYPE,
                "not audio");
        assertRejected(importSrt(SRT, null, "no-such-template"), Rejection.Reason.NOT_FOUND, "template");

        assertThat(stores.recordings().findByStatus(EnumSet.allOf(RecordingStatus.class))).isEmpty();
        assertThat(stores.analyses().listUnfinished()).isEmpty();
        assertThat(queue.snapshot().visible()).isZero();
    }

    @Test
    void aManagerMustNameTheTeacher() throws Exception {
        Actor manager = new Actor("m1", Role.SCHOOL_MANAGER, "s1");
        var refused = use.execute(manager, new ImportTranscript.Command(null, null, "x.srt", SRT, null, null, null));
        assertRejected(refused, Rejection.Reason.INVALID_INPUT, "teacherId");
    }

    private static void assertRejected(Result<?> result, Rejection.Reason reason, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(reason);
            assertThat(r.rejection().message()).contains(messagePart);
        });
    }
}
