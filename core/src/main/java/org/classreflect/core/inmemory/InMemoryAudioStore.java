package org.classreflect.core.inmemory;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.classreflect.core.storage.AudioKeys;
import org.classreflect.core.storage.AudioStore;

/** Audio held in this process's heap: for trials, tests and short recordings; nothing outlives the JVM. */
public final class InMemoryAudioStore implements AudioStore {

    private final Map<String, byte[]> audio = new ConcurrentHashMap<>();

    @Override
    public void put(String key, InputStream content) throws IOException {
        audio.put(AudioKeys.requireValid(key), content.readAllBytes());
    }

    @Override
    public InputStream open(String key) throws IOException {
        byte[] bytes = audio.get(AudioKeys.requireValid(key));
        if (bytes == null) {
            throw new FileNotFoundException("no audio under " + key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(String key) {
        audio.remove(AudioKeys.requireValid(key));
    }

    @Override
    public boolean exists(String key) {
        return audio.containsKey(AudioKeys.requireValid(key));
    }
}
