package org.classreflect.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated signing key sits in a directory only its owner can enter, as a file only its owner can read. */
class SigningKeysPermissionsTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyDirectoryIs0700AndTheKeyFile0600() throws Exception {
        Path keys = dataDir.resolve("keys");
        SigningKeys.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        try (var files = Files.list(keys)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
    }
}
