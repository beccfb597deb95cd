package org.classreflect.core.transcript.export;

import java.util.List;
import java.util.function.DoubleFunction;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;

/** SubRip and WebVTT: numbered cues, one per segment, separated by blank lines. */
final class Subtitles {

    private Subtitles() {
    }

    static String srt(Transcript transcript) {
        return cues(transcript, new StringBuilder(), Timestamps::srt, false);
    }

    static String vtt(Transcript transcript) {
        return cues(transcript, new StringBuilder("WEBVTT\n\n"), Timestamps::vtt, true);
    }

    private static String cues(Transcript transcript, StringBuilder out, DoubleFunction<String> time,
                               boolean escapeMarkup) {
        List<Segment> cues = Cues.of(transcript);
        for (int i = 0; i < cues.size(); i++) {
            Segment cue = cues.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append(i + 1).append('\n')
                    .append(time.apply(cue.start())).append(" --> ").append(time.apply(cue.end())).append('\n')
                    .append(escapeMarkup ? escapeVtt(cue.text()) : cue.text()).append('\n');
        }
        return out.toString();
    }

    /** In WebVTT cue text {@code &} and {@code <} start markup, and {@code -->} may not appear at all. */
    private static String escapeVtt(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
