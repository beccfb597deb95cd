package org.classreflect.adapters.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;
import org.classreflect.core.storage.AudioKeys;
import org.classreflect.core.common.OwnerOnly;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.StoreCapacity;
import org.classreflect.core.storage.StoreFullException;

/**
 * Audio kept as files under a root directory, one file per key, sharded into subdirectories by the key's first two
 * characters. A put streams into a hidden temporary file beside the target and renames it into place, so readers
 * see either the old content or the new, never a partial file. Directories are created 0700 and files 0600: lesson
 * audio is for the service's own user only.
 */
public final class FilesystemAudioStore implements AudioStore {

    /** Keys start with a letter or digit, so a temporary file starting with a dot can never be mistaken for one. */
    private static final String TEMP_PREFIX = ".incoming-";
    private static final String TEMP_SUFFIX = ".part";
    private static final int WRITE_BYTES = 256 * 1024;

    private final Path root;

    public FilesystemAudioStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path temp;
        try {
            OwnerOnly.directories(target.getParent());
            temp = OwnerOnly.tempFile(target.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
        } catch (IOException e) {
            throw full(e);
        }
        try {
            writeDurably(content, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw full(io);
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
    public Optional<Path> localFile(String key) throws IOException {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no audio under key " + key);
        }
        return Optional.of(file);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    /**
     * Writable: the root exists (created 0700) and a small file can be created and deleted in it. Space: what
     * {@link java.nio.file.FileStore#getUsableSpace()} gives this process on the root's file system.
     */
    @Override
    public StoreCapacity capacity() {
        try {
            OwnerOnly.directories(root);
            Path probe = OwnerOnly.tempFile(root, TEMP_PREFIX + "probe-", TEMP_SUFFIX);
            try {
                Files.write(probe, new byte[] {0});
            } finally {
                Files.deleteIfExists(probe);
            }
            return StoreCapacity.writable(Files.getFileStore(root).getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return StoreCapacity.unwritable(root + ": " + e);
        }
    }

    /**
     * The files under their key's shard directory; hidden temporary files, anything not named like a key and
     * anything not where its key would put it are not audio and are not listed.
     */
    @Override
    public Stream<StoredAudio> stored() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.find(root, 2, (file, attrs) -> attrs.isRegularFile() && isAudioFile(file))
                .map(FilesystemAudioStore::describe).flatMap(Optional::stream);
    }

    private boolean isAudioFile(Path file) {
        String name = file.getFileName().toString();
        return AudioKeys.isValid(name) && pathOf(name).equals(file);
    }

    /** Empty when the file went (deleted) between the listing and this look. */
    private static Optional<StoredAudio> describe(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new StoredAudio(file.getFileName().toString(), attrs.size(),
                    attrs.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hidden temporary files of puts (and capacity probes) that a killed process never renamed into place. */
    @Override
    public Optional<LeftoverWrites> leftoverWrites() {
        return Optional.of(new LeftoverWrites(root, file -> {
            String name = file.getFileName().toString();
            return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
        }));
    }

    /** A full disk becomes {@link StoreFullException}, so the upload can say so instead of a generic failure. */
    private static IOException full(IOException e) {
        return StoreFullException.isFull(e) && !(e instanceof StoreFullException)
                ? new StoreFullException("the audio store's disk is full: " + e.getMessage(), e) : e;
    }

    /** In 256 KB writes, not {@code transferTo}'s 8 KB: a 500 MB lesson is 2,000 system calls instead of 64,000. */
    private static void writeDurably(InputStream content, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[WRITE_BYTES];
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, n);
            }
            channel.force(true);
        }
    }

    private Path pathOf(String key) {
        AudioKeys.requireValid(key);
        return root.resolve(key.substring(0, Math.min(2, key.length()))).resolve(key);
    }
}
