package org.classreflect.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures a lesson from its utterances and, optionally, who spoke them. Deterministic: the same utterances give the
 * same numbers, and shifting every time by the same amount changes nothing but the evidence's times. The lesson
 * runs from the first utterance's start to the last one's end, so silence before and after the lesson (a recorder
 * started early) does not count. Definitions: docs/analysis.md.
 */
public final class LessonMeasurer {

    public static final double WINDOW_SECONDS = 300;
    public static final double LONG_PAUSE_SECONDS = 3.0;

    private final QuestionDetector questionDetector;

    public LessonMeasurer() {
        this(new QuestionDetector());
    }

    public LessonMeasurer(QuestionDetector questionDetector) {
        this.questionDetector = questionDetector;
    }

    /** Measures the given utterances, or the estimate's refined ones when it cut some where the voice changes. */
    public LessonMetrics measure(List<Utterance> given, SpeakerEstimate speakers) {
        List<Utterance> utterances = speakers.utterancesOf(given);
        if (speakers.speakers().size() != utterances.size()) {
            throw new IllegalArgumentException("one speaker per utterance expected");
        }
        for (int i = 1; i < utterances.size(); i++) {
            if (utterances.get(i).start() < utterances.get(i - 1).start()) {
                throw new IllegalArgumentException("utterances must be in time order");
            }
        }
        return new Run(utterances, speakers).measure();
    }

    private final class Run {
        private final List<Utterance> utterances;
        private final SpeakerEstimate estimate;
        private final boolean bySpeaker;
        private final Basis speakerBasis;
        private final Map<Metric, Measurement> out = new EnumMap<>(Metric.class);

        Run(List<Utterance> utterances, SpeakerEstimate estimate) {
            this.utterances = utterances;
            this.estimate = estimate;
            this.bySpeaker = estimate.isConfident();
            this.speakerBasis = bySpeaker ? Basis.SPEAKERS : Basis.SPEAKER_FREE_FALLBACK;
        }

        LessonMetrics measure() {
            double lessonSeconds = utterances.isEmpty() ? 0
                    : utterances.get(utterances.size() - 1).end() - utterances.get(0).start();
            List<Excerpt> all = utterances.stream().map(Utterance::excerpt).toList();
            double speaking = speakingSeconds();
            put(Metric.SPEAKING_SECONDS, speaking, all, "speech in the utterances");
            List<Excerpt> pauses = pauses();
            put(Metric.SILENCE_SHARE, lessonSeconds > 0 ? 1 - speaking / lessonSeconds : null, pauses,
                    "silence between the first and the last utterance");
            int words = utterances.stream().mapToInt(Utterance::wordCount).sum();
            put(Metric.SPEAKING_RATE_WPM, speaking > 0 ? words / (speaking / 60) : null, all,
                    words + " words over the speaking time");
            measurePauses(pauses);
            List<AskedQuestion> questions = measureQuestions(lessonSeconds);
            measureMonologue();
            measurePhrases();
            measureTalkShares();
            return new LessonMetrics(utterances, estimate, questions, windows(), out);
        }

        private double speakingSeconds() {
            double total = 0;
            double coveredUntil = Double.NEGATIVE_INFINITY;
            for (Utterance u : utterances) {
                double from = Math.max(u.start(), coveredUntil);
                if (u.end() > from) {
                    total += u.end() - from;
                }
                coveredUntil = Math.max(coveredUntil, u.end());
            }
            return total;
        }

        /** The silences between consecutive utterances, each ending where the next one starts. */
        private List<Excerpt> pauses() {
            List<Excerpt> pauses = new ArrayList<>();
            double lastEnd = Double.NaN;
            String lastText = "";
            for (Utterance u : utterances) {
                if (u.start() > lastEnd) {
                    pauses.add(new Excerpt(lastEnd, u.start(), "pause after: " + Text.lastWords(lastText, 8)));
                }
                if (Double.isNaN(lastEnd) || u.end() >= lastEnd) {
                    lastEnd = u.end();
                    lastText = u.text();
                }
            }
            return pauses;
        }

        private void measurePauses(List<Excerpt> pauses) {
            double[] lengths = pauses.stream().mapToDouble(p -> p.end() - p.start()).sorted().toArray();
            String pauseNote = lengths.length == 0 ? "no pause between utterances"
                    : lengths.length + (lengths.length == 1 ? " pause" : " pauses") + " between utterances";
            put(Metric.PAUSE_MEAN_SECONDS, lengths.length == 0 ? null
                    : Arrays.stream(lengths).average().orElseThrow(), pauses, pauseNote);
            put(Metric.PAUSE_MEDIAN_SECONDS, percentile(lengths, 0.5), pauses, pauseNote);
            put(Metric.PAUSE_P90_SECONDS, percentile(lengths, 0.9), pauses, pauseNote);
            List<Excerpt> longPauses = pauses.stream()
                    .filter(p -> p.end() - p.start() >= LONG_PAUSE_SECONDS - Text.EPSILON).toList();
            put(Metric.LONG_PAUSE_COUNT, (double) longPauses.size(), longPauses,
                    "pauses of " + LONG_PAUSE_SECONDS + " s or more");
            Excerpt longest = null;
            for (Excerpt p : pauses) {
                if (longest == null || p.end() - p.start() > longest.end() - longest.start() + Text.EPSILON) {
                    longest = p;
                }
            }
            put(Metric.LONGEST_PAUSE_SECONDS, longest == null ? null : longest.end() - longest.start(),
                    longest == null ? List.of() : List.of(longest), pauseNote);
        }

        private List<AskedQuestion> measureQuestions(double lessonSeconds) {
            List<AskedQuestion> questions = new ArrayList<>();
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                Optional<DetectedQuestion> found = questionDetector.detect(u, estimate.endRises().get(i));
                if (found.isEmpty()) {
                    continue;
                }
                Double wait = i + 1 < utterances.size()
                        ? Math.max(0, utterances.get(i + 1).start() - u.end()) : null;
                Speaker askedBy = bySpeaker ? estimate.speakers().get(i) : null;
                questions.add(new AskedQuestion(u.excerpt(), found.get().text(), found.get().kind(), askedBy, wait));
            }
            List<AskedQuestion> counted = questions.stream()
                    .filter(q -> !bySpeaker || q.askedBy() == Speaker.TEACHER).toList();
            String whose = bySpeaker ? "the teacher's questions" : "all questions (speakers not told apart)";
            List<Excerpt> evidence = counted.stream().map(LessonMeasurer::questionExcerpt).toList();
            put(Metric.QUESTION_COUNT, (double) counted.size(), speakerBasis, evidence, whose);
            put(Metric.QUESTIONS_PER_MINUTE, lessonSeconds > 0 ? counted.size() / (lessonSeconds / 60) : null,
                    speakerBasis, evidence, whose);
            List<AskedQuestion> open = counted.stream().filter(q -> q.kind() == QuestionKind.OPEN).toList();
            List<AskedQuestion> closed = counted.stream().filter(q -> q.kind() == QuestionKind.CLOSED).toList();
            put(Metric.OPEN_QUESTION_COUNT, (double) open.size(), speakerBasis,
                    open.stream().map(LessonMeasurer::questionExcerpt).toList(), whose);
            put(Metric.CLOSED_QUESTION_COUNT, (double) closed.size(), speakerBasis,
                    closed.stream().map(LessonMeasurer::questionExcerpt).toList(), whose);
            put(Metric.OPEN_QUESTION_SHARE, counted.isEmpty() ? null : (double) open.size() / counted.size(),
                    speakerBasis, evidence, counted.isEmpty() ? "no question" : whose);
            List<AskedQuestion> waited = counted.stream().filter(q -> q.waitSeconds() != null).toList();
            put(Metric.WAIT_TIME_MEAN_SECONDS, waited.isEmpty() ? null
                            : waited.stream().mapToDouble(AskedQuestion::waitSeconds).average().orElseThrow(),
                    speakerBasis, waited.stream().map(q -> new Excerpt(q.utterance().start(),
                            q.utterance().end() + q.waitSeconds(), q.question())).toList(),
                    waited.isEmpty() ? "no question followed by speech" : "silence after " + whose);
            return questions;
        }

        /** The longest run of consecutive teacher utterances; without speakers, the longest single utterance. */
        private void measureMonologue() {
            Excerpt best = null;
            int i = 0;
            while (i < utterances.size()) {
                int j = i;
                if (bySpeaker) {
                    if (estimate.speakers().get(i) != Speaker.TEACHER) {
                        i++;
                        continue;
                    }
                    while (j + 1 < utterances.size() && estimate.speakers().get(j + 1) == Speaker.TEACHER) {
                        j++;
                    }
                }
                Excerpt run = join(i, j);
                if (best == null || run.end() - run.start() > best.end() - best.start() + Text.EPSILON) {
                    best = run;
                }
                i = j + 1;
            }
            put(Metric.LONGEST_MONOLOGUE_SECONDS, best == null ? null : best.end() - best.start(), speakerBasis,
                    best == null ? List.of() : List.of(best),
                    bySpeaker ? "longest run of teacher utterances with no student in between"
                            : "longest utterance (speakers not told apart)");
        }

        private void measurePhrases() {
            List<Utterance> teacher = new ArrayList<>();
            for (int i = 0; i < utterances.size(); i++) {
                if (!bySpeaker || estimate.speakers().get(i) == Speaker.TEACHER) {
                    teacher.add(utterances.get(i));
                }
            }
            String whose = bySpeaker ? "in the teacher's speech" : "in all speech (speakers not told apart)";
            int words = teacher.stream().mapToInt(Utterance::wordCount).sum();
            int fillers = teacher.stream().mapToInt(u -> PhraseList.FILLERS.count(u.text())).sum();
            put(Metric.FILLERS_PER_100_WORDS, words > 0 ? 100.0 * fillers / words : null, speakerBasis,
                    saying(teacher, PhraseList.FILLERS), fillers + " filler words " + whose);
            put(Metric.PRAISE_COUNT, (double) count(teacher, PhraseList.PRAISE), speakerBasis,
                    saying(teacher, PhraseList.PRAISE), "praise phrases " + whose);
            put(Metric.CHECK_FOR_UNDERSTANDING_COUNT, (double) count(teacher, PhraseList.CHECKS_FOR_UNDERSTANDING),
                    speakerBasis, saying(teacher, PhraseList.CHECKS_FOR_UNDERSTANDING),
                    "checks for understanding " + whose);
        }

        private void measureTalkShares() {
            if (!bySpeaker) {
                String note = estimate.problem() != null
                        ? "speakers not estimated: " + estimate.problem() + "; talk shares not measured"
                        : String.format(Locale.ROOT,
                        "speakers not told apart (confidence %.2f < %.2f): talk shares not measured",
                        estimate.confidence(), SpeakerEstimate.CONFIDENT);
                put(Metric.TEACHER_TALK_SHARE, null, speakerBasis, List.of(), note);
                put(Metric.STUDENT_TALK_SHARE, null, speakerBasis, List.of(), note);
                return;
            }
            double teacher = 0;
            double total = 0;
            List<Excerpt> teacherEvidence = new ArrayList<>();
            List<Excerpt> studentEvidence = new ArrayList<>();
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                total += u.seconds();
                if (estimate.speakers().get(i) == Speaker.TEACHER) {
                    teacher += u.seconds();
                    teacherEvidence.add(u.excerpt());
                } else {
                    studentEvidence.add(u.excerpt());
                }
            }
            double missed = 0;
            for (UntranscribedSpeech speech : estimate.untranscribed()) {
                missed += speech.seconds();
                teacher += speech.speaker() == Speaker.TEACHER ? speech.seconds() : 0;
            }
            total += missed;
            Double share = total > 0 ? teacher / total : null;
            String heard = missed > 0 ? String.format(Locale.ROOT,
                    " (with %.1f s of speech heard that the transcript missed)", missed) : "";
            put(Metric.TEACHER_TALK_SHARE, share, speakerBasis, teacherEvidence, "teacher speech / all speech" + heard);
            put(Metric.STUDENT_TALK_SHARE, share == null ? null : 1 - share, speakerBasis, studentEvidence,
                    "student speech / all speech" + heard);
        }

        private List<WindowRate> windows() {
            if (utterances.isEmpty()) {
                return List.of();
            }
            double origin = utterances.get(0).start();
            double lessonEnd = utterances.get(utterances.size() - 1).end();
            int count = Math.max(1, (int) Math.ceil((lessonEnd - origin) / WINDOW_SECONDS - Text.EPSILON));
            double[] words = new double[count];
            double[] speaking = new double[count];
            for (Utterance u : utterances) {
                if (u.seconds() <= 0) {
                    words[Math.min(count - 1, (int) ((u.start() - origin) / WINDOW_SECONDS))] += u.wordCount();
                    continue;
                }
                for (int k = 0; k < count; k++) {
                    double overlap = Math.min(u.end(), origin + (k + 1) * WINDOW_SECONDS)
                            - Math.max(u.start(), origin + k * WINDOW_SECONDS);
                    if (overlap > 0) {
                        speaking[k] += overlap;
                        words[k] += u.wordCount() * overlap / u.seconds();
                    }
                }
            }
            List<WindowRate> windows = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                windows.add(new WindowRate(origin + k * WINDOW_SECONDS,
                        Math.min(origin + (k + 1) * WINDOW_SECONDS, lessonEnd), words[k], speaking[k],
                        speaking[k] > 0 ? words[k] / (speaking[k] / 60) : null));
            }
            return windows;
        }

        private Excerpt join(int from, int to) {
            StringBuilder text = new StringBuilder();
            for (int k = from; k <= to; k++) {
                text.append(k > from ? " " : "").append(utterances.get(k).text());
            }
            return new Excerpt(utterances.get(from).start(), utterances.get(to).end(), text.toString());
        }

        private void put(Metric metric, Double value, List<Excerpt> evidence, String note) {
            out.put(metric, new Measurement(metric, value, Basis.TRANSCRIPT, 1.0, evidence, note));
        }

        private void put(Metric metric, Double value, Basis basis, List<Excerpt> evidence, String note) {
            out.put(metric, new Measurement(metric, value, basis, estimate.confidence(), evidence, note));
        }
    }

    private static Excerpt questionExcerpt(AskedQuestion q) {
        return new Excerpt(q.utterance().start(), q.utterance().end(), q.question());
    }

    private static int count(List<Utterance> utterances, PhraseList phrases) {
        return utterances.stream().mapToInt(u -> phrases.count(u.text())).sum();
    }

    private static List<Excerpt> saying(List<Utterance> utterances, PhraseList phrases) {
        return utterances.stream().filter(u -> phrases.count(u.text()) > 0).map(Utterance::excerpt).toList();
    }

    /** Linear interpolation between the closest ranks; null for no values. */
    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
