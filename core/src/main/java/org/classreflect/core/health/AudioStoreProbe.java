package org.classreflect.core.health;

import java.io.IOException;
import org.classreflect.core.storage.AudioStore;

/** The audio store answers a lookup. */
public final class AudioStoreProbe implements HealthProbe {

    private final AudioStore store;

    public AudioStoreProbe(AudioStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "audioStore";
    }

    @Override
    public Status check() {
        try {
            store.exists("readiness-probe");
            return new Status(true, "reachable");
        } catch (IOException e) {
            return new Status(false, "unreachable: " + e.getMessage());
        }
    }
}
