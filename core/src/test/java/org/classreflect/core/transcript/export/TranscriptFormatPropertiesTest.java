package org.classreflect.core.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the subtitle and table exports over generated transcripts of up to 111 hours. */
class TranscriptFormatPropertiesTest {

    private static final Pattern CUE_TIMES = Pattern.compile(
            "(\\d+)\\n(\\d{2,}:\\d{2}:\\d{2}[,.]\\d{3}) --> (\\d{2,}:\\d{2}:\\d{2}[,.]\\d{3})\\n");

    private static final Gen<String> TEXT = strings().ascii().ofLengthBetween(0, 24);

    private static final Gen<Segment> SEGMENT = doubles().between(0, 400_000).zip(doubles().between(0, 90), TEXT,
            (start, length, text) -> new Segment(start, start + length, text, null));

    private static final Gen<Word> WORD = doubles().between(0, 400_000).zip(doubles().between(0, 3), TEXT,
            integers().between(-1, 1000), (start, length, text, c) ->
                    new Word(start, start + length, text, c < 0 ? null : c / 1000.0));

    private static Transcript transcript(List<Segment> segments, List<Word> words) {
        return new Transcript("r", "", "en", "fake", null, segments, words, words.size(), null, 0, 0, Instant.EPOCH);
    }

    @Test
    void srtAndVttCuesAreNumberedInOrderAndNeverEndBeforeTheyStart() {
        qt().forAll(lists().of(SEGMENT).ofSizeBetween(0, 30)).checkAssert(segments -> {
            Transcript t = transcript(segments, List.of());
            long shown = segments.stream().filter(s -> !s.text().isBlank()).count();
            assertCuesInOrder(TranscriptFormat.SRT.write(t), shown);
            String vtt = TranscriptFormat.VTT.write(t);
            assertThat(vtt).startsWith("WEBVTT\n\n");
            assertCuesInOrder(vtt.substring("WEBVTT\n\n".length()), shown);
        });
    }

    @Test
    void aFormattedTimeParsesBackToTheSameMillisecond() {
        qt().forAll(longs().between(0, 400L * 3_600_000)).checkAssert(ms -> {
            assertThat(parse(Timestamps.srt(ms / 1000.0))).isEqualTo(ms);
            assertThat(parse(Timestamps.vtt(ms / 1000.0))).isEqualTo(ms);
            assertThat(Math.round(Double.parseDouble(Timestamps.seconds(ms / 1000.0)) * 1000)).isEqualTo(ms);
        });
    }

    @Test
    void roundingNeverPutsTwoOrderedTimesTheOtherWayRound() {
        qt().forAll(doubles().between(0, 400_000), doubles().between(0, 1)).checkAssert((a, gap) ->
                assertThat(parse(Timestamps.srt(a))).isLessThanOrEqualTo(parse(Timestamps.srt(a + gap))));
    }

    @Test
    void theCsvReadsBackAsTheSameWords() {
        qt().forAll(lists().of(WORD).ofSizeBetween(0, 30)).checkAssert(words -> {
            List<List<String>> rows = parseCsv(TranscriptFormat.CSV.write(transcript(List.of(), words)));
            assertThat(rows.get(0)).containsExactly("start", "end", "word", "confidence");
            assertThat(rows).hasSize(words.size() + 1);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                List<String> row = rows.get(i + 1);
                assertThat(row).hasSize(4);
                assertThat(row.get(2)).isEqualTo(w.text().strip());
                assertThat(Math.round(Double.parseDouble(row.get(0)) * 1000)).isEqualTo(Timestamps.millis(w.start()));
                assertThat(Double.parseDouble(row.get(0))).isLessThanOrEqualTo(Double.parseDouble(row.get(1)));
                assertThat(row.get(3)).isEqualTo(w.confidence() == null ? "" : String.valueOf(w.confidence()));
            }
        });
    }

    private static void assertCuesInOrder(String subtitles, long expectedCues) {
        Matcher m = CUE_TIMES.matcher(subtitles);
        long previousStart = -1;
        int number = 0;
        while (m.find()) {
            number++;
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(number);
            long start = parse(m.group(2));
            long end = parse(m.group(3));
            assertThat(start).isLessThanOrEqualTo(end).isGreaterThanOrEqualTo(previousStart);
            previousStart = start;
        }
        assertThat(number).isEqualTo(expectedCues);
        assertThat(subtitles.split("\n\n", -1)).hasSize(Math.max(1, (int) expectedCues));
    }

    private static long parse(String time) {
        String[] hms = time.split(":");
        String[] secMs = hms[2].split("[,.]");
        return ((Long.parseLong(hms[0]) * 60 + Long.parseLong(hms[1])) * 60 + Long.parseLong(secMs[0])) * 1000
                + Long.parseLong(secMs[1]);
    }

    /** RFC 4180, just enough to read the export back: quoted fields may hold commas, quotes and line breaks. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
