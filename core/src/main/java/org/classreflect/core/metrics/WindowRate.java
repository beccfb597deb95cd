package org.classreflect.core.metrics;

/** Speaking rate in one window of the lesson: words said in it per minute of speech in it (null when silent). */
public record WindowRate(double start, double end, double words, double speakingSeconds, Double wordsPerMinute) {
}
