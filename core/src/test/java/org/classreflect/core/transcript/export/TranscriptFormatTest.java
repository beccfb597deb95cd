package org.classreflect.core.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

/** Every format written from one hand-built transcript, compared with the exact expected file. */
class TranscriptFormatTest {

    /** Segments deliberately out of order, one empty, one spread over two lines, one past 99 minutes. */
    private static final Transcript LESSON = new Transcript("rec-1", "Good morning. Open your books, please.",
            "en", "whisper.cpp", "ggml-base.en",
            List.of(new Segment(6000.0, 6002.5004, "Page <12> & \"13\".", null),
                    new Segment(0.0, 1.2345, " Good morning.", 0.91),
                    new Segment(1.5, 1.5, "   ", null),
                    new Segment(1.9996, 4.0, "Open your books,\n\nplease.", 0.8)),
            List.of(new Word(0.0, 0.5, "Good", 0.9),
                    new Word(0.5, 1.2345, "morning.", 0.92),
                    new Word(1.9996, 2.4, "books,", null),
                    new Word(2.4, 3.0, "say \"hi\"", 0.5)),
            4, 0.77, 1.5, 6010.0, Instant.parse("2026-03-02T08:15:30.123Z"));

    @Test
    void srtNumbersTheCuesInTimeOrderWithCommaMillisecondsAndBlankLinesBetween() {
        assertThat(TranscriptFormat.SRT.write(LESSON)).isEqualTo("""
                1
                00:00:00,000 --> 00:00:01,235
                Good morning.

                2
                00:00:02,000 --> 00:00:04,000
                Open your books, please.

                3
                01:40:00,000 --> 01:40:02,500
                Page <12> & "13".
                """);
    }

    @Test
    void vttHasItsHeaderDotMillisecondsAndEscapedMarkup() {
        assertThat(TranscriptFormat.VTT.write(LESSON)).isEqualTo("""
                WEBVTT

                1
                00:00:00.000 --> 00:00:01.235
                Good morning.

                2
                00:00:02.000 --> 00:00:04.000
                Open your books, please.

                3
                01:40:00.000 --> 01:40:02.500
                Page &lt;12&gt; &amp; "13".
                """);
    }

    @Test
    void txtIsOneLinePerSegment() {
        assertThat(TranscriptFormat.TXT.write(LESSON)).isEqualTo("""
                Good morning.
                Open your books, please.
                Page <12> & "13".
                """);
    }

    @Test
    void csvHasAHeaderAWordPerRowAndQuotesWhatNeedsIt() {
        assertThat(TranscriptFormat.CSV.write(LESSON)).isEqualTo("start,end,word,confidence\r\n"
                + "0.000,0.500,Good,0.9\r\n"
                + "0.500,1.235,morning.,0.92\r\n"
                + "2.000,2.400,\"books,\",\r\n"
                + "2.400,3.000,\"say \"\"hi\"\"\",0.5\r\n");
    }

    @Test
    void jsonHoldsTheFactsSegmentsAndWords() throws Exception {
        String json = TranscriptFormat.JSON.write(LESSON);
        JsonNode doc = new ObjectMapper().readTree(json);

        assertThat(doc.get("recordingId").asText()).isEqualTo("rec-1");
        assertThat(doc.get("model").asText()).isEqualTo("ggml-base.en");
        assertThat(doc.get("audioSeconds").asDouble()).isEqualTo(6010.0);
        assertThat(doc.get("text").asText()).isEqualTo(LESSON.text());
        assertThat(doc.get("segments")).hasSize(4);
        assertThat(doc.at("/segments/0/start").asDouble()).isEqualTo(6000.0);
        assertThat(doc.at("/segments/0/end").asDouble()).isEqualTo(6002.5);
        assertThat(doc.at("/segments/0/text").asText()).isEqualTo("Page <12> & \"13\".");
        assertThat(doc.at("/segments/0/confidence").isNull()).isTrue();
        assertThat(doc.at("/segments/3/text").asText()).isEqualTo("Open your books,\n\nplease.");
        assertThat(doc.at("/words/1/word").asText()).isEqualTo("morning.");
        assertThat(doc.at("/words/1/end").asDouble()).isEqualTo(1.235);
        assertThat(doc.at("/words/3/confidence").asDouble()).isEqualTo(0.5);
        assertThat(json).startsWith("{\n  \"recordingId\": \"rec-1\",\n  \"language\": \"en\",");
    }

    @Test
    void anEmptyTranscriptGivesEmptyButValidFiles() throws Exception {
        Transcript silent = new Transcript("rec-2", "", null, "fake", null, List.of(), List.of(), 0, null, 0, 3,
                Instant.EPOCH);

        assertThat(TranscriptFormat.SRT.write(silent)).isEmpty();
        assertThat(TranscriptFormat.VTT.write(silent)).isEqualTo("WEBVTT\n\n");
        assertThat(TranscriptFormat.TXT.write(silent)).isEmpty();
        assertThat(TranscriptFormat.CSV.write(silent)).isEqualTo("start,end,word,confidence\r\n");
        JsonNode doc = new ObjectMapper().readTree(TranscriptFormat.JSON.write(silent));
        assertThat(doc.get("language").isNull()).isTrue();
        assertThat(doc.get("words")).isEmpty();
    }

    @Test
    void formatsAreFoundByTheirNameInAnyCase() {
        assertThat(TranscriptFormat.named("SRT")).contains(TranscriptFormat.SRT);
        assertThat(TranscriptFormat.named(" vtt ")).contains(TranscriptFormat.VTT);
        assertThat(TranscriptFormat.named("docx")).isEmpty();
        assertThat(TranscriptFormat.named(null)).isEmpty();
        assertThat(TranscriptFormat.CSV.contentType()).startsWith("text/csv");
    }

    @Test
    void timestampsCarryHoursPastNinetyNineMinutesAndPastNinetyNineHours() {
        assertThat(Timestamps.srt(6000)).isEqualTo("01:40:00,000");
        assertThat(Timestamps.vtt(59.9996)).isEqualTo("00:01:00.000");
        assertThat(Timestamps.srt(360_000.001)).isEqualTo("100:00:00,001");
        assertThat(Timestamps.seconds(61.25)).isEqualTo("61.250");
        assertThat(Timestamps.seconds(0.0004)).isEqualTo("0.000");
    }
}
