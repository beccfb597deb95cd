package org.classreflect.core.telemetry;

import java.util.Optional;

/**
 * Port: what the log lines of the current thread carry besides their message (the request id, the recording being
 * worked on), so that one recording's lines can be found from the API through the queue into the worker. SLF4J's MDC
 * serves it in the apps.
 */
public interface LogContext {

    String REQUEST_ID = "requestId";
    String RECORDING_ID = "recordingId";

    Optional<String> get(String key);

    /** Sets the key for this thread until the scope is closed, which puts back what was there; null sets nothing. */
    Scope put(String key, String value);

    /** Ends a {@link #put}; closing it twice does no harm. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
