package org.classreflect.core.telemetry;

import java.time.Duration;

/**
 * Port: the measurements the work of this process hands out for an operator to watch (Prometheus, CloudWatch...).
 * Every method does nothing by default ({@link #NONE}); an adapter must be cheap and must never throw. Labels are
 * kept to bounded sets (outcome and stage names, engines, models, exception class names), never ids or free text.
 */
public interface WorkMetrics {

    WorkMetrics NONE = new WorkMetrics() {
    };

    /** An upload's audio was stored, with its size. */
    default void uploadStored(long bytes) {
    }

    /** A job taken from the queue ended with this outcome (completed, failed, deferred...) after this long. */
    default void jobFinished(String outcome, Duration took) {
    }

    /** One stage of a job (transcription, analysis) ran for this long, whatever its outcome. */
    default void stageFinished(String stage, Duration took) {
    }

    /** The engine transcribed this much audio in this long. */
    default void transcribed(String engine, String model, Duration audio, Duration took) {
    }

    /** One analysis ended (completed or failed) after this long. */
    default void analysisFinished(String outcome, Duration took) {
    }

    /** Something failed in a stage, for this reason (a short, bounded name: an exception's class, "audio_missing"). */
    default void failed(String stage, String reason) {
    }
}
