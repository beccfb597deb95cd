package org.classreflect.adapters.speech.whisper;

import java.time.Duration;
import java.util.Objects;

/**
 * How a deployment runs Whisper.
 *
 * @param language           a language code such as {@code en}, or {@code auto} to detect it ({@code .en} models
 *                           always use English)
 * @param threads            CPU threads for one transcription
 * @param prompt             names and words to expect (a class list, subject terms), or empty
 * @param temperatureStep    how much to raise the sampling temperature when a window decodes badly (repetitive or
 *                           unlikely text) and try again; 0 turns that fallback off
 * @param noSpeechThreshold  above this no-speech probability, and with unlikely text, whisper.cpp treats a window as
 *                           silence
 * @param window             how much audio is decoded and transcribed at a time; bounds memory and sets how often
 *                           progress is reported
 */
public record WhisperParameters(String language, int threads, String prompt, float temperatureStep,
                                float noSpeechThreshold, Duration window) {

    public static final String AUTO = "auto";

    public WhisperParameters {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(prompt, "prompt");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (temperatureStep < 0 || temperatureStep > 1) {
            throw new IllegalArgumentException("the temperature step must be between 0 and 1");
        }
        if (noSpeechThreshold < 0 || noSpeechThreshold > 1) {
            throw new IllegalArgumentException("the no-speech threshold must be between 0 and 1");
        }
        if (window.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("the window must be at least 2 seconds");
        }
    }

    /** Language detected, all processors, no prompt, whisper.cpp's fallback and threshold, 5-minute windows. */
    public static WhisperParameters defaults() {
        return new WhisperParameters(AUTO, Runtime.getRuntime().availableProcessors(), "", 0.2f, 0.6f,
                Duration.ofMinutes(5));
    }
}
