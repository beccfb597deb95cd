package org.classreflect.core.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Lesson audio, transcripts and keys are readable by the service's own user only: directories 0700, files 0600,
 * whatever the process umask. Where the file system has no POSIX permissions (Windows), the defaults apply.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the directory and any missing parents as 0700; a directory that already exists is left as it is. */
    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.exists(parent)) {
            directories(parent);
        }
        try {
            if (posix()) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(absolute, DIRECTORY); // the umask may have narrowed the attribute
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        return dir;
    }

    /** Makes an existing directory 0700 (e.g. one another library is about to fill with files). */
    public static void restrict(Path dir) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /** A new empty 0600 file in {@code dir}, which is created 0700 when missing. */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        directories(dir);
        return posix() ? Files.createTempFile(dir, prefix, suffix, fileAttribute())
                : Files.createTempFile(dir, prefix, suffix);
    }

    public static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[] {fileAttribute()} : new FileAttribute<?>[0];
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
