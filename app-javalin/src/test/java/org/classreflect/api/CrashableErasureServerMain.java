package org.classreflect.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.wiring.SettingsAdapters;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/**
 * A local-mode server in its own process whose audio store takes {@code args[1]} ms to delete each file, so a test
 * can kill it in the middle of an erasure.
 */
public final class CrashableErasureServerMain {

    private CrashableErasureServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = TestServers.settings(Path.of(args[0]));
        long deleteMillis = Long.parseLong(args[1]);
        ProcessMetrics metrics = new ProcessMetrics();
        var adapters = SettingsAdapters.configure(settings, new FakeTranscriber(), FleetMembership.NONE, metrics)
                .audioStore(new SlowDeletes(new FilesystemAudioStore(settings.audioDir()), deleteMillis));
        ClassReflectServer server = ClassReflectServer.start(settings, adapters, metrics, false);
        System.out.println("PORT=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    private record SlowDeletes(AudioStore store, long millis) implements AudioStore {

        @Override
        public void put(String key, InputStream content) throws IOException {
            store.put(key, content);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return store.open(key);
        }

        @Override
        public void delete(String key) throws IOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            store.delete(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return store.exists(key);
        }
    }
}
