package org.classreflect.sdk.wiring;

import java.util.Optional;
import org.classreflect.core.telemetry.LogContext;
import org.slf4j.MDC;

/** The log context as SLF4J's MDC: Logback (text or JSON) prints it with every line of the thread. */
public final class MdcLogContext implements LogContext {

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(MDC.get(key));
    }

    @Override
    public Scope put(String key, String value) {
        if (value == null) {
            return () -> { };
        }
        String previous = MDC.get(key);
        MDC.put(key, value);
        return () -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        };
    }
}
