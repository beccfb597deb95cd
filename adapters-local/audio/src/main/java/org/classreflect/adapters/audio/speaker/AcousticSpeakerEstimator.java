package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.metrics.UntranscribedSpeech;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.metrics.UtteranceCuts;

/**
 * Tells the teacher from the students without a trained model. The audio is streamed once ({@link LessonListener});
 * each utterance is cut where its voice changes ({@link VoiceChanges}) into pieces whose voiced frames (pitch and
 * MFCCs) become Gaussian summaries ({@link VoiceStats}); the pieces are grouped bottom-up, first by BIC, then by the
 * distance between mean voices ({@link VoiceClusters}), so the number of voices is found, not fixed, and each piece
 * then joins the voice whose mean is nearest to its own; voices lying no further apart than one voice's own 2 s
 * windows wander are then one ({@link SameSpeakerMerge}); the voice holding
 * the most speech time is the teacher, every other voice a student. An utterance whose pieces fall to different
 * speakers is cut there ({@link SpeakerEstimate#refined}). Speech heard outside every utterance ({@link GapSpeech}),
 * which the transcript missed, is cut the same way and each piece given the nearest voice
 * ({@link SpeakerEstimate#untranscribed}), without taking part in the grouping. The confidence is the silhouette of the
 * final assignment over 2 s windows, weighted by voiced frames. Method and measured accuracy: docs/analysis.md.
 */
public final class AcousticSpeakerEstimator implements SpeakerEstimator {

    public static final String METHOD = "Gaussian voice summaries (pitch + MFCC c1..c20) per utterance, cut at pauses, "
            + "by BIC and by 2 s window distance where the voice changes, agglomerative clustering by BIC, then by "
            + "mean-voice distance, each piece then joining the nearest voice, voices no further apart than one "
            + "voice's own 2 s windows wander merged";

    /** Shorter pieces give unstable summaries: they are not clustered, only given the nearest voice. */
    static final double MIN_CLUSTERED_SECONDS = 1.0;
    /** Voiced frames (10 ms each) a piece needs to be clustered (and a window to be judged), and to get a voice. */
    private static final int MIN_CLUSTERED_FRAMES = 30;
    private static final int MIN_ASSIGNED_FRAMES = 5;
    /** At most this many pieces (the longest) are clustered, so time and memory stay bounded in long lessons. */
    static final int MAX_CLUSTERED = 400;
    /**
     * Tuned on the tuning lessons: the voice of a piece of another speaker inside an utterance lay 4.6 to 57 from the
     * utterance's voice in mean-voice distance (l17, l18), the end of a poem the teacher read, cut off and grouped
     * apart, 1.7 (l08); l24's student close to the teacher, heard inside one teacher utterance, 2.39 (376 voiced
     * frames; kept since the bar went from 3 to 2, no tuning lesson lost). The distance is measured in the two voices'
     * pooled spread, so the bar is relative to how widely the voices vary, not a fixed likelihood.
     */
    static final double MIN_CHANGE_DISTANCE = 2;
    /**
     * Tuned on the tuning lessons: of the voices heard only inside one utterance, the teacher's change of tone reading
     * a poem held 184 voiced frames (l08), a 1 s piece in l18 34, while l23's student answering twice inside one
     * teacher utterance held 539 and l24's 376.
     */
    private static final int LONE_VOICE_FRAMES = 200;
    /**
     * A piece that makes up a voice on its own with fewer voiced frames than this (1 s of voice) joins the nearest
     * other voice.
     * Tuned on the tuning lessons: the teacher's 1 s and 1.75 s utterances grouped alone held 71 (l42) and 78 (l34)
     * voiced frames; at 150 a student's answer in l00 joined the teacher, at 60 nothing changed.
     */
    private static final int LONE_PIECE_FRAMES = 100;
    /**
     * A piece is compared with its own voice without its own frames only when the rest of that voice holds at least
     * this many voiced frames (2 s); a smaller rest is too little to judge a voice by, so the piece is compared with
     * the whole voice. Tuned on the tuning lessons: without its frames, a close student's voice of 245 (l44) or 321
     * (l40) voiced frames lost its own answers to the teacher (94.3 and 94.6 % of speech time right, 98.7 and 97.0 %
     * with this bar); bars of 200 to 400 gave the same results, at 130 l40 lost its answer again, and comparing every
     * piece with its whole voice lost 2 points on l19.
     */
    private static final int JUDGED_WITHOUT_FRAMES = 200;

    @Override
    public SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) throws IOException {
        LessonListener.Heard listened = new LessonListener(utterances).listen(audio);
        List<List<VoicePiece>> heard = listened.pieces();
        List<VoicePiece> pieces = heard.stream().flatMap(List::stream).toList();
        List<Integer> clustered = IntStream.range(0, pieces.size())
                .filter(i -> pieces.get(i).seconds() >= MIN_CLUSTERED_SECONDS
                        && pieces.get(i).stats().count() >= MIN_CLUSTERED_FRAMES)
                .boxed().sorted(Comparator.comparingLong((Integer i) -> pieces.get(i).stats().count()).reversed())
                .limit(MAX_CLUSTERED).sorted().toList();
        if (clustered.size() < 2) { // utterances too short to hear go with the majority voice
            return new SpeakerEstimate(Collections.nCopies(utterances.size(), Speaker.TEACHER), 0, METHOD,
                    heard.stream().map(p -> p.get(p.size() - 1).endRise()).toList(), null);
        }
        VoiceClusters clusters = new VoiceClusters(clustered.stream().map(i -> pieces.get(i).stats()).toList());
        int[] voiceOf = new int[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            VoiceStats stats = pieces.get(i).stats();
            int member = clustered.indexOf(i);
            voiceOf[i] = stats.count() < MIN_ASSIGNED_FRAMES ? -1
                    : member >= 0 ? clusterOf(clusters, member) : clusters.nearest(stats);
        }
        joinNearestVoice(pieces, clustered, clusters, voiceOf);
        keepClearChanges(heard, clusters, voiceOf);
        SameSpeakerMerge.merge(windowsByVoice(pieces, voiceOf, clusters.size()), voiceOf);
        double[] seconds = new double[clusters.size()];
        for (int i = 0; i < pieces.size(); i++) {
            if (voiceOf[i] >= 0) {
                seconds[voiceOf[i]] += pieces.get(i).seconds();
            }
        }
        int teacher = IntStream.range(0, seconds.length).boxed()
                .max(Comparator.comparingDouble(c -> seconds[c])).orElseThrow();
        List<VoiceStats> voices = voicesOf(pieces, voiceOf, clusters.size());
        double confidence = Math.max(0, Math.min(1, silhouette(pieces, voiceOf, voices)));
        List<UntranscribedSpeech> untranscribed = untranscribed(listened.outside(), voices, teacher);
        return turns(utterances, heard, voiceOf, teacher, confidence, untranscribed);
    }

    /**
     * Moves every piece with enough voice to be judged to the voice whose mean lies nearest to its own (mean-voice
     * distance), its own frames left out of its voice's summary when the rest is enough to judge it by
     * ({@link #JUDGED_WITHOUT_FRAMES}). A piece that is nearly all of its voice stays, unless
     * it is shorter than {@link #LONE_PIECE_FRAMES}: then it joins the nearest other voice (a short utterance of the
     * teacher's, grouped alone, would otherwise be a student). Bottom-up grouping cannot undo a merge: a short piece
     * of a student may have joined the teacher's large group before its own voice's group was formed (l19). The
     * voices' summaries are not recomputed.
     */
    private static void joinNearestVoice(List<VoicePiece> pieces, List<Integer> clustered, VoiceClusters clusters,
                                         int[] voiceOf) {
        for (int i = 0; i < pieces.size(); i++) {
            VoiceStats piece = pieces.get(i).stats();
            boolean alone = clustered.contains(i)
                    && clusters.stats(voiceOf[i]).count() - piece.count() < MIN_CLUSTERED_FRAMES;
            if (voiceOf[i] < 0 || piece.count() < MIN_CLUSTERED_FRAMES || alone && piece.count() >= LONE_PIECE_FRAMES) {
                continue;
            }
            int nearest = voiceOf[i];
            double nearestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters.size(); c++) {
                VoiceStats voice = c == voiceOf[i] && clustered.contains(i)
                        && (alone || clusters.stats(c).count() - piece.count() >= JUDGED_WITHOUT_FRAMES)
                        ? clusters.stats(c).minus(piece) : clusters.stats(c);
                double distance = voice.count() >= MIN_CLUSTERED_FRAMES ? VoiceStats.meanDistance(voice, piece)
                        : Double.POSITIVE_INFINITY;
                if (distance < nearestDistance) {
                    nearest = c;
                    nearestDistance = distance;
                }
            }
            voiceOf[i] = nearest;
        }
    }

    /**
     * A piece of an utterance keeps a voice other than the one that best explains the whole utterance only when it
     * lies clearly apart from it: a mean-voice distance of at least {@link #MIN_CHANGE_DISTANCE}. A piece between two
     * pieces of the utterance's voice (a turn inside another's) keeps it only when that voice is also heard in another
     * utterance, or is heard long enough ({@link #isAnotherSpeaker}): a teacher's change of tone (reading a poem)
     * makes a voice of its own heard in that utterance alone, close to the teacher's.
     */
    private static void keepClearChanges(List<List<VoicePiece>> heard, VoiceClusters clusters, int[] voiceOf) {
        int[] utterancesHeardIn = utterancesHeardIn(heard, voiceOf, clusters.size());
        int first = 0;
        for (List<VoicePiece> its : heard) {
            if (its.size() > 1) {
                int wholeVoice = wholeVoice(its, clusters);
                for (int p = 0; p < its.size(); p++) {
                    int voice = voiceOf[first + p];
                    if (voice >= 0 && voice != wholeVoice) {
                        boolean inside = p > 0 && p + 1 < its.size() && voiceOf[first + p - 1] == wholeVoice
                                && voiceOf[first + p + 1] == wholeVoice;
                        double distance = VoiceStats.meanDistance(clusters.stats(voice), clusters.stats(wholeVoice));
                        boolean lone = utterancesHeardIn[voice] < 2;
                        if (distance < MIN_CHANGE_DISTANCE
                                || inside && lone && !isAnotherSpeaker(clusters, voice, wholeVoice)) {
                            voiceOf[first + p] = wholeVoice;
                        }
                    }
                }
            }
            first += its.size();
        }
    }

    /**
     * Whether a voice heard inside one utterance only is still another speaker, not the utterance's speaker changing
     * tone: heard long enough (a student answering twice inside one long teacher utterance, l23), or nearer to some
     * third voice than to the utterance's own (l42: a student's short answers inside the teacher's utterance, grouped
     * apart from the same student's own utterance but nearer to it than to the teacher).
     */
    private static boolean isAnotherSpeaker(VoiceClusters clusters, int voice, int utteranceVoice) {
        if (clusters.stats(voice).count() >= LONE_VOICE_FRAMES) {
            return true;
        }
        int nearest = utteranceVoice;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < clusters.size(); c++) {
            double distance = VoiceStats.meanDistance(clusters.stats(voice), clusters.stats(c));
            if (c != voice && distance < nearestDistance) {
                nearest = c;
                nearestDistance = distance;
            }
        }
        return nearest != utteranceVoice;
    }

    /** The voice that best explains an utterance's frames taken together (highest mean log-likelihood per frame). */
    private static int wholeVoice(List<VoicePiece> its, VoiceClusters clusters) {
        VoiceStats whole = new VoiceStats();
        for (VoicePiece p : its) {
            whole = whole.plus(p.stats());
        }
        int best = 0;
        for (int c = 1; c < clusters.size(); c++) {
            if (clusters.stats(c).meanLogLikelihood(whole) > clusters.stats(best).meanLogLikelihood(whole)) {
                best = c;
            }
        }
        return best;
    }

    /** For each voice, in how many utterances some piece has it. */
    private static int[] utterancesHeardIn(List<List<VoicePiece>> heard, int[] voiceOf, int voices) {
        int[] count = new int[voices];
        int first = 0;
        for (List<VoicePiece> its : heard) {
            boolean[] has = new boolean[voices];
            for (int p = 0; p < its.size(); p++) {
                if (voiceOf[first + p] >= 0 && !has[voiceOf[first + p]]) {
                    has[voiceOf[first + p]] = true;
                    count[voiceOf[first + p]]++;
                }
            }
            first += its.size();
        }
        return count;
    }

    /** Each utterance, cut where its pieces change speaker, with the speaker and end rise of each part. */
    private static SpeakerEstimate turns(List<Utterance> utterances, List<List<VoicePiece>> heard, int[] voiceOf,
                                         int teacher, double confidence, List<UntranscribedSpeech> untranscribed) {
        List<Speaker> speakers = new ArrayList<>();
        List<Double> endRises = new ArrayList<>();
        List<Utterance> refined = new ArrayList<>();
        boolean cut = false;
        int first = 0;
        for (int u = 0; u < utterances.size(); u++) {
            Utterance utterance = utterances.get(u);
            List<VoicePiece> its = heard.get(u);
            Speaker[] bySpeaker = speakersOf(voiceOf, first, its.size(), teacher);
            first += its.size();
            List<Double> cuts = new ArrayList<>();
            List<Double> loudFrames = new ArrayList<>(List.of(0.0));
            for (int p = 0; p < its.size(); p++) {
                double at = its.get(p).start();
                if (p > 0 && bySpeaker[p] != bySpeaker[p - 1] && at > utterance.start() && at < utterance.end()) {
                    cuts.add(at);
                    loudFrames.add(0.0);
                    speakers.add(bySpeaker[p - 1]);
                    endRises.add(its.get(p - 1).endRise());
                }
                loudFrames.set(cuts.size(), loudFrames.get(cuts.size()) + its.get(p).loudFrames());
            }
            speakers.add(bySpeaker[its.size() - 1]);
            endRises.add(its.get(its.size() - 1).endRise());
            refined.addAll(cuts.isEmpty() ? List.of(utterance) : UtteranceCuts.cut(utterance, cuts, loudFrames));
            cut |= !cuts.isEmpty();
        }
        return new SpeakerEstimate(speakers, confidence, METHOD, endRises, null, cut ? refined : null, untranscribed);
    }

    /**
     * The speakers of one utterance's pieces; a piece with too little voice to tell takes the voice of the piece
     * before it in the utterance, else the one after it, else goes with the teacher (the majority voice).
     */
    private static Speaker[] speakersOf(int[] voiceOf, int first, int count, int teacher) {
        Speaker[] speakers = new Speaker[count];
        for (int p = 0; p < count; p++) {
            int voice = voiceOf[first + p];
            speakers[p] = voice < 0 ? (p > 0 ? speakers[p - 1] : null)
                    : voice == teacher ? Speaker.TEACHER : Speaker.STUDENT;
        }
        for (int p = count - 1; p >= 0; p--) {
            if (speakers[p] == null) {
                speakers[p] = p + 1 < count ? speakers[p + 1] : Speaker.TEACHER;
            }
        }
        return speakers;
    }

    /** Each voice's summary: the pieces finally given to it, summed. */
    private static List<VoiceStats> voicesOf(List<VoicePiece> pieces, int[] voiceOf, int voiceCount) {
        List<VoiceStats> voices = new ArrayList<>();
        for (int c = 0; c < voiceCount; c++) {
            voices.add(new VoiceStats());
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (voiceOf[i] >= 0) {
                voices.set(voiceOf[i], voices.get(voiceOf[i]).plus(pieces.get(i).stats()));
            }
        }
        return voices;
    }

    /**
     * The speech outside the utterances, piece by piece: each piece with enough voice to be judged
     * ({@link #MIN_CLUSTERED_FRAMES}) goes to the nearest voice, the others as {@link #speakersOf} gives them within
     * their run.
     */
    private static List<UntranscribedSpeech> untranscribed(List<List<VoicePiece>> runs, List<VoiceStats> voices,
                                                           int teacher) {
        List<UntranscribedSpeech> speech = new ArrayList<>();
        for (List<VoicePiece> run : runs) {
            int[] voiceOf = run.stream().mapToInt(p -> p.stats().count() >= MIN_CLUSTERED_FRAMES
                    ? nearestVoice(voices, p.stats()) : -1).toArray();
            Speaker[] speakers = speakersOf(voiceOf, 0, run.size(), teacher);
            for (int p = 0; p < run.size(); p++) {
                speech.add(new UntranscribedSpeech(run.get(p).start(), run.get(p).end(), speakers[p]));
            }
        }
        return speech;
    }

    /**
     * The voice whose mean lies nearest to {@code speech}'s (mean-voice distance); a voice of fewer than
     * {@link #MIN_CLUSTERED_FRAMES} voiced frames is not judged by.
     */
    private static int nearestVoice(List<VoiceStats> voices, VoiceStats speech) {
        int nearest = -1;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < voices.size(); c++) {
            double distance = voices.get(c).count() >= MIN_CLUSTERED_FRAMES
                    ? VoiceStats.meanDistance(voices.get(c), speech) : Double.POSITIVE_INFINITY;
            if (distance < nearestDistance) {
                nearest = c;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    private static int clusterOf(VoiceClusters clusters, int member) {
        for (int c = 0; c < clusters.size(); c++) {
            if (clusters.members(c).contains(member)) {
                return c;
            }
        }
        throw new IllegalStateException("member " + member + " is in no cluster");
    }

    /** Each voice's windows of about 2 s with enough voiced frames to be judged ({@link #MIN_CLUSTERED_FRAMES}). */
    static List<List<VoiceStats>> windowsByVoice(List<VoicePiece> pieces, int[] voiceOf, int voiceCount) {
        List<List<VoiceStats>> windows = new ArrayList<>();
        for (int c = 0; c < voiceCount; c++) {
            windows.add(new ArrayList<>());
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (voiceOf[i] >= 0) {
                pieces.get(i).windows().stream().filter(w -> w.count() >= MIN_CLUSTERED_FRAMES)
                        .forEach(windows.get(voiceOf[i])::add);
            }
        }
        return windows;
    }

    /**
     * The duration-weighted mean silhouette (Rousseeuw 1987) of the final assignment (after the nearest-voice pass and
     * the clear changes, so it judges the voices the speakers come from) over the pieces' windows of about 2 s, with
     * the mean-voice distance between a window and the rest of its own voice against the nearest other voice; each
     * voice's summary is that of the pieces it ends up with. Windows, not whole utterances, so that a voice heard in
     * one long stretch is still compared with itself. A voice heard in a single window cannot be compared with
     * itself: its window scores 0 and it is no nearest other voice; with fewer than two voices heard in two windows
     * or more the confidence is 0, so one voice (or one voice and a stray noise) is never confidently split. Windows
     * with too few voiced frames are left out.
     */
    private static double silhouette(List<VoicePiece> pieces, int[] voiceOf, List<VoiceStats> voices) {
        int voiceCount = voices.size();
        List<List<VoiceStats>> windows = windowsByVoice(pieces, voiceOf, voiceCount);
        List<Integer> compared = IntStream.range(0, voiceCount).filter(c -> windows.get(c).size() > 1)
                .boxed().toList();
        if (compared.size() < 2) {
            return 0;
        }
        double weighted = 0;
        double total = 0;
        for (int c = 0; c < voiceCount; c++) {
            for (VoiceStats window : windows.get(c)) {
                double s = 0;
                if (compared.contains(c)) {
                    double a = VoiceStats.meanDistance(voices.get(c).minus(window), window);
                    double b = Double.POSITIVE_INFINITY;
                    for (int other : compared) {
                        if (other != c) {
                            b = Math.min(b, VoiceStats.meanDistance(voices.get(other), window));
                        }
                    }
                    s = (b - a) / Math.max(Math.abs(a), b);
                }
                weighted += s * window.count();
                total += window.count();
            }
        }
        return weighted / total;
    }
}
