package org.classreflect.core.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;

/**
 * Reads the text of a transcript file: SubRip (SRT) or WebVTT, told apart by their content, never by a file name.
 * JSON (ClassReflect's own export) is recognised here but read by the caller, since the core has no JSON parser.
 * Speaker labels come from WebVTT voice spans ({@code <v Teacher>Good morning}); SRT carries none.
 */
public final class TranscriptText {

    /** The kinds of transcript file that can be imported. */
    public enum Kind {
        SRT, VTT, JSON
    }

    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})[,.](\\d{3})");
    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(" + TIME.pattern() + ")\\s+-->\\s+(" + TIME.pattern() + ")(?:\\s.*)?$");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("</?[^>]*>");

    private TranscriptText() {
    }

    /** What the text is, from its first characters: a WEBVTT header, a JSON object, or SRT's number then timing. */
    public static Optional<Kind> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = stripBom(text).stripLeading();
        if (body.startsWith("WEBVTT")) {
            return Optional.of(Kind.VTT);
        }
        if (body.startsWith("{")) {
            return Optional.of(Kind.JSON);
        }
        String[] lines = body.split("\\R", 3);
        boolean numbered = lines.length >= 2 && lines[0].strip().matches("\\d+");
        String timing = numbered ? lines[1] : lines[0];
        return TIMING.matcher(timing).matches() ? Optional.of(Kind.SRT) : Optional.empty();
    }

    /** The cues of an SRT or WebVTT text, unchecked (see {@link TimedText#check}); a broken cue is refused. */
    public static Result<List<TimedText>> parse(String text) {
        Optional<Kind> kind = detect(text);
        if (kind.isEmpty() || kind.get() == Kind.JSON) {
            return Result.rejected(Rejection.invalid(kind.isEmpty()
                    ? "the transcript is not in a format that can be read: send SRT, WebVTT or ClassReflect's JSON export"
                    : "a JSON transcript is read by the caller, not as subtitles"));
        }
        boolean vtt = kind.get() == Kind.VTT;
        List<String> lines = List.of(stripBom(text).split("\\R", -1));
        List<TimedText> cues = new ArrayList<>();
        int i = 0;
        if (vtt) { // the header and anything up to the first blank line
            while (i < lines.size() && !lines.get(i).isBlank()) {
                i++;
            }
        }
        while (i < lines.size()) {
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            int blockStart = i;
            List<String> block = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                block.add(lines.get(i++));
            }
            if (vtt && block.get(0).matches("^(NOTE|STYLE|REGION)(\\s.*)?$")) {
                continue;
            }
            int t = TIMING.matcher(block.get(0)).matches() ? 0 : 1;
            String where = "line " + (blockStart + 1) + ": ";
            if (t >= block.size() || !TIMING.matcher(block.get(t)).matches()) {
                return invalid(where + "expected a cue timing like 00:00:01,000 --> 00:00:02,500");
            }
            if (!vtt && t == 1 && !block.get(0).strip().matches("\\d+")) {
                return invalid(where + "an SRT cue starts with its number");
            }
            Matcher m = TIMING.matcher(block.get(t));
            m.matches();
            double start = seconds(m.group(1));
            double end = seconds(m.group(6));
            List<String> textLines = block.subList(t + 1, block.size());
            String speaker = null;
            StringBuilder cueText = new StringBuilder();
            for (String line : textLines) {
                String plain = line;
                if (vtt) {
                    Matcher voice = VOICE.matcher(plain);
                    if (speaker == null && voice.find()) {
                        speaker = voice.group(1).strip();
                    }
                    plain = unescape(TAG.matcher(plain).replaceAll(""));
                }
                if (!plain.isBlank()) {
                    cueText.append(cueText.length() == 0 ? "" : " ").append(plain.strip());
                }
            }
            cues.add(new TimedText(start, end, cueText.toString(), speaker));
        }
        return Result.ok(List.copyOf(cues));
    }

    private static double seconds(String time) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            throw new IllegalArgumentException(time);
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3))
                + Integer.parseInt(m.group(4)) / 1000.0;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static <T> Result<T> invalid(String message) {
        return Result.rejected(Rejection.invalid("the transcript is not usable: " + message));
    }
}
