package org.classreflect.adapters.speech.whisper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.classreflect.core.transcript.TranscriptionException;

/**
 * Loaded models by file, each loaded once and used by one job at a time (a whisper.cpp context is not
 * thread-safe). Holds at most {@code capacity} models; loading another frees the least recently used one, after
 * the job using it, if any, has finished. A thread must hold at most one lease at a time.
 *
 * @param <M> the loaded model
 */
final class ModelCache<M> {

    /** Loads a model file; slow, so done once. */
    @FunctionalInterface
    interface Loader<M> {
        M load(Path file) throws TranscriptionException;
    }

    /** Exclusive use of a loaded model until closed. */
    final class Lease implements AutoCloseable {

        private final Entry<M> entry;

        private Lease(Entry<M> entry) {
            this.entry = entry;
        }

        M model() {
            return entry.model;
        }

        @Override
        public void close() {
            entry.lock.unlock();
        }
    }

    private static final class Entry<M> {
        final M model;
        final ReentrantLock lock = new ReentrantLock();
        boolean freed;

        Entry(M model) {
            this.model = model;
        }
    }

    private final int capacity;
    private final Loader<M> loader;
    private final Consumer<M> freer;
    private final LinkedHashMap<Path, Entry<M>> loaded = new LinkedHashMap<>(4, 0.75f, true);

    ModelCache(int capacity, Loader<M> loader, Consumer<M> freer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.loader = loader;
        this.freer = freer;
    }

    /** Loads the model if it is not loaded yet, without waiting for a job that is using it. */
    void ensureLoaded(Path file) throws TranscriptionException {
        entry(file);
    }

    /** The model for this job alone; waits while another job uses it. */
    Lease acquire(Path file) throws TranscriptionException {
        while (true) {
            Entry<M> entry = entry(file);
            entry.lock.lock();
            if (!entry.freed) {
                return new Lease(entry);
            }
            entry.lock.unlock();
        }
    }

    private Entry<M> entry(Path file) throws TranscriptionException {
        Path key = file.toAbsolutePath().normalize();
        Entry<M> entry;
        List<Entry<M>> evicted = new ArrayList<>();
        synchronized (loaded) {
            entry = loaded.get(key);
            if (entry == null) {
                entry = new Entry<>(loader.load(key));
                loaded.put(key, entry);
            }
            Iterator<Map.Entry<Path, Entry<M>>> eldest = loaded.entrySet().iterator();
            while (loaded.size() > capacity) {
                evicted.add(eldest.next().getValue());
                eldest.remove();
            }
        }
        for (Entry<M> old : evicted) {
            free(old);
        }
        return entry;
    }

    /** Frees every loaded model, each after the job using it, if any, has finished. */
    void freeAll() {
        List<Entry<M>> all;
        synchronized (loaded) {
            all = new ArrayList<>(loaded.values());
            loaded.clear();
        }
        for (Entry<M> entry : all) {
            free(entry);
        }
    }

    private void free(Entry<M> entry) {
        entry.lock.lock();
        try {
            entry.freed = true;
            freer.accept(entry.model);
        } finally {
            entry.lock.unlock();
        }
    }
}
