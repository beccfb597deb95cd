package org.classreflect.adapters.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.classreflect.core.storage.AudioKeys;
import org.classreflect.core.storage.AudioStore;

/**
 * Audio kept as files under a root directory, one file per key, sharded into subdirectories by the key's first two
 * characters. A put streams into a hidden temporary file beside the target and renames it into place, so readers
 * see either the old content or the new, never a partial file.
 */
public final class FilesystemAudioStore implements AudioStore {

    /** Keys start with a letter or digit, so a temporary file starting with a dot can never be mistaken for one. */
    private static final String TEMP_PREFIX = ".incoming-";

    private final Path root;

    public FilesystemAudioStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        try {
            writeDurably(content, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    private static void writeDurably(InputStream content, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            content.transferTo(out);
            channel.force(true);
        }
    }

    private Path pathOf(String key) {
        AudioKeys.requireValid(key);
        return root.resolve(key.substring(0, Math.min(2, key.length()))).resolve(key);
    }
}
