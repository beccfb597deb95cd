package org.classreflect.adapters.audio.speaker;

import java.util.List;

/**
 * A stretch of one utterance heard as one voice: its times, how many of its frames are loud (its speech, voiced or
 * not), its voiced frames as a summary, the pitch movement at its end ({@link TerminalRise}), and the summaries of its
 * windows of about {@link UtteranceVoice#WINDOW_SECONDS}, on which the confidence is measured.
 */
record VoicePiece(double start, double end, int loudFrames, VoiceStats stats, double endRise,
                  List<VoiceStats> windows) {

    double seconds() {
        return end - start;
    }
}
