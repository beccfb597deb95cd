package org.classreflect.core.health;

import java.io.IOException;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.StoreCapacity;

/**
 * The audio store answers a lookup, can be written to, and (where it can tell) has more than the free space uploads
 * need; otherwise uploads would fail, so the service is not ready.
 */
public final class AudioStoreProbe implements HealthProbe {

    private final AudioStore store;
    private final long minFreeBytes;

    public AudioStoreProbe(AudioStore store) {
        this(store, UploadLimits.DEFAULT_MIN_FREE_BYTES);
    }

    public AudioStoreProbe(AudioStore store, long minFreeBytes) {
        this.store = store;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public String name() {
        return "audioStore";
    }

    @Override
    public Status check() {
        try {
            store.exists("readiness-probe");
        } catch (IOException e) {
            return new Status(false, "unreachable: " + e.getMessage());
        }
        StoreCapacity capacity = store.capacity();
        String refusal = capacity.refusal(minFreeBytes, 0);
        if (refusal != null) {
            return new Status(false, refusal);
        }
        return new Status(true, capacity.spaceKnown()
                ? "reachable, writable, " + capacity.usableBytes() / (1024 * 1024) + " MB free" : "reachable");
    }
}
