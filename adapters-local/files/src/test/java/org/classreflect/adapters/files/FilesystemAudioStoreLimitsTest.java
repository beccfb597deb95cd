package org.classreflect.adapters.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.classreflect.core.storage.StoreCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored lesson audio is the owner's only, and the store can tell whether it can take a file now. */
class FilesystemAudioStoreLimitsTest {

    @TempDir
    Path dir;

    @Test
    void directoriesAre0700AndAudioFiles0600() throws Exception {
        Path root = dir.resolve("audio");
        FilesystemAudioStore store = new FilesystemAudioStore(root);
        store.put("ab12-cd", new ByteArrayInputStream(new byte[] {1, 2, 3}));

        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void aWritableStoreReportsItsUsableSpaceAndLeavesNoProbeFileBehind() throws Exception {
        Path root = dir.resolve("audio");
        StoreCapacity capacity = new FilesystemAudioStore(root).capacity();

        assertThat(capacity.writable()).isTrue();
        assertThat(capacity.usableBytes()).isCloseTo(Files.getFileStore(dir).getUsableSpace(),
                org.assertj.core.data.Percentage.withPercentage(5));
        try (Stream<Path> all = Files.list(root)) {
            assertThat(all.toList()).isEmpty();
        }
    }

    @Test
    void aRootThatCannotBeWrittenIsReportedUnwritable() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        StoreCapacity capacity = new FilesystemAudioStore(file.resolve("audio")).capacity();

        assertThat(capacity.writable()).isFalse();
        assertThat(capacity.detail()).contains("a-file");
        assertThat(capacity.refusal(0, 0)).contains("cannot be written");
    }
}
