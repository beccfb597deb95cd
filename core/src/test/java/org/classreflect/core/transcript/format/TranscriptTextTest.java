package org.classreflect.core.transcript.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.export.TranscriptFormat;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,500
            Good morning, everyone.

            2
            00:00:04,000 --> 00:00:06,250
            What do plants need
            to grow?
            """;

    private static final String VTT = """
            WEBVTT - lesson

            NOTE written by hand

            intro
            00:01.000 --> 00:03.500 align:start
            <v Ms Smith>Good morning &amp; welcome.</v>

            00:00:04.000 --> 00:00:06.250
            <v.loud Pupil A>Water and <i>light</i>!
            """;

    @Test
    void detectsTheKindFromTheContent() {
        assertThat(TranscriptText.detect(SRT)).contains(TranscriptText.Kind.SRT);
        assertThat(TranscriptText.detect("\uFEFF" + VTT)).contains(TranscriptText.Kind.VTT);
        assertThat(TranscriptText.detect("  {\"segments\": []}")).contains(TranscriptText.Kind.JSON);
        assertThat(TranscriptText.detect("00:00:01,000 --> 00:00:02,000\nhi\n")).contains(TranscriptText.Kind.SRT);
        assertThat(TranscriptText.detect("Dear diary, today we")).isEqualTo(Optional.empty());
        assertThat(TranscriptText.detect("")).isEmpty();
    }

    @Test
    void readsSrtCuesJoiningTheirLines() {
        List<TimedText> cues = TranscriptText.parse(SRT).orElseThrow();
        assertThat(cues).containsExactly(new TimedText(1.0, 3.5, "Good morning, everyone.", null),
                new TimedText(4.0, 6.25, "What do plants need to grow?", null));
    }

    @Test
    void readsWebVttCuesWithVoicesAndWithoutMarkup() {
        List<TimedText> cues = TranscriptText.parse(VTT.replace("\n", "\r\n")).orElseThrow();
        assertThat(cues).containsExactly(new TimedText(1.0, 3.5, "Good morning & welcome.", "Ms Smith"),
                new TimedText(4.0, 6.25, "Water and light!", "Pupil A"));
    }

    @Test
    void refusesWhatIsNotATranscript() {
        assertInvalid(TranscriptText.parse("just some words"), "not in a format");
        assertInvalid(TranscriptText.parse("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:03 --> 00:00:04\nho\n"),
                "line 5: expected a cue timing");
        assertInvalid(TranscriptText.parse("1\n00:00:01,000 --> 00:00:02,000\nhi\n\nx\n00:00:03,000 --> 00:00:04,000\nho\n"),
                "starts with its number");
    }

    @Test
    void checkedCuesBecomeSegmentsInTimeOrder() {
        List<Segment> segments = TimedText.check(List.of(new TimedText(4, 5, " later ", "Student"),
                new TimedText(1, 4, "first", "Teacher"))).orElseThrow();
        assertThat(segments).containsExactly(new Segment(1, 4, "first", null, "Teacher"),
                new Segment(4, 5, "later", null, "Student"));
    }

    @Test
    void checkRefusesOverlapsBadTimesEmptyTextAndPartialLabels() {
        assertInvalid(TimedText.check(List.of()), "no cues");
        assertInvalid(TimedText.check(List.of(new TimedText(0, 3, "a", null), new TimedText(2, 4, "b", null))),
                "cues 1 and 2 overlap");
        assertInvalid(TimedText.check(List.of(new TimedText(-1, 3, "a", null))), "zero or more");
        assertInvalid(TimedText.check(List.of(new TimedText(3, 3, "a", null))), "end after it starts");
        assertInvalid(TimedText.check(List.of(new TimedText(5, 3, "a", null))), "end after it starts");
        assertInvalid(TimedText.check(List.of(new TimedText(0, 3, "  ", null))), "cue 1: has no text");
        assertInvalid(TimedText.check(List.of(new TimedText(0, 1, "a", "T"), new TimedText(1, 2, "b", null))),
                "every cue or of none");
        assertInvalid(TranscriptText.parse(SRT.replace("00:00:04,000", "00:00:03,000")).flatMap(TimedText::check),
                "overlap");
    }

    @Test
    void theJsonExportCarriesSpeakerLabelsOnlyWhenThereAreSome() {
        Transcript labelled = Transcript.of("r1", new Transcription(null, "import", null,
                List.of(new Segment(0, 1, "Hello", null, "Teacher"), new Segment(1, 2, "Hi", null)), List.of(), 2),
                0, Instant.EPOCH);
        String json = TranscriptFormat.JSON.write(labelled);
        assertThat(json).contains("\"text\": \"Hello\", \"confidence\": null, \"speaker\": \"Teacher\"}")
                .contains("\"text\": \"Hi\", \"confidence\": null}");
    }

    private static void assertInvalid(Result<?> result, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.INVALID_INPUT);
            assertThat(r.rejection().message()).contains(messagePart);
        });
    }
}
