package org.classreflect.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.telemetry.LogContext;

/** A log context kept per thread in this process, for hosts whose logging has no context of its own. */
public final class ThreadLocalLogContext implements LogContext {

    private final ThreadLocal<Map<String, String>> values = ThreadLocal.withInitial(HashMap::new);

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get().get(key));
    }

    @Override
    public Scope put(String key, String value) {
        if (value == null) {
            return () -> { };
        }
        Map<String, String> map = values.get();
        String previous = map.put(key, value);
        return () -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        };
    }
}
