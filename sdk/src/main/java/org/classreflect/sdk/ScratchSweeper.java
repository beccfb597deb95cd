package org.classreflect.sdk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.storage.AudioStore;

/**
 * Sweeps the scratch directories (probe copies, job working copies, spooled uploads) of a process that may have been
 * killed, and an audio store's unfinished writes ({@link #leftovers}). At start, before any worker or upload can
 * write there, {@link #sweepAll()} empties them: whatever is there was left by a previous process. Then, hourly, {@link #sweepOlderThan(Duration)} removes what is older than
 * {@link #SAFE_AGE}, longer than any job or upload can take. One process per scratch directory: a second process
 * starting on the same directories would sweep the first one's files.
 */
public final class ScratchSweeper {

    /** Far longer than any upload, probe or job (a job's lease is minutes, its attempts a few). */
    public static final Duration SAFE_AGE = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(ScratchSweeper.class.getName());

    private final List<Path> directories;
    private final Clock clock;
    /** Null: everything in the directories is scratch, and directories left empty go too. */
    private final Predicate<Path> onlyFiles;

    public ScratchSweeper(List<Path> directories, Clock clock) {
        this(directories, clock, null);
    }

    private ScratchSweeper(List<Path> directories, Clock clock, Predicate<Path> onlyFiles) {
        this.directories = List.copyOf(directories);
        this.clock = clock;
        this.onlyFiles = onlyFiles;
    }

    /**
     * Sweeps only an audio store's unfinished writes, in a directory that also holds stored audio: the files its
     * test picks, never a directory.
     */
    public static ScratchSweeper leftovers(AudioStore.LeftoverWrites leftovers, Clock clock) {
        return new ScratchSweeper(List.of(leftovers.directory()), clock, leftovers.isLeftover());
    }

    public List<Path> directories() {
        return directories;
    }

    /** Deletes everything inside the directories (not the directories themselves); returns the files deleted. */
    public int sweepAll() {
        return sweep(Instant.MAX);
    }

    /** Deletes the files last modified more than {@code age} ago, and directories left empty by that. */
    public int sweepOlderThan(Duration age) {
        return sweep(clock.instant().minus(age));
    }

    private int sweep(Instant modifiedBefore) {
        int deleted = 0;
        for (Path dir : directories) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    deleted += deleteTree(entry, modifiedBefore, onlyFiles);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot list scratch directory " + dir, e);
            }
        }
        int count = deleted;
        if (count > 0) {
            LOG.info(() -> "removed " + count + " leftover scratch file(s) from " + directories);
        }
        return count;
    }

    private static int deleteTree(Path top, Instant modifiedBefore, Predicate<Path> onlyFiles) {
        int[] deleted = {0};
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if ((onlyFiles == null || onlyFiles.test(file))
                            && attrs.lastModifiedTime().toInstant().isBefore(modifiedBefore) && delete(file)) {
                        deleted[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (onlyFiles != null) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean empty;
                    try (DirectoryStream<Path> rest = Files.newDirectoryStream(d)) {
                        empty = !rest.iterator().hasNext();
                    } catch (NoSuchFileException gone) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (empty && Files.getLastModifiedTime(d).toInstant().isBefore(modifiedBefore)) {
                        delete(d);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot sweep " + top, e);
        }
        return deleted[0];
    }

    private static boolean delete(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
