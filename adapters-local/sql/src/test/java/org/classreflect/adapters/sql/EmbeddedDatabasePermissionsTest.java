package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 database's directory is 0700 and its files 0600, whatever the umask. */
class EmbeddedDatabasePermissionsTest {

    @TempDir
    Path dataDir;

    @Test
    void theDatabaseDirectoryAndFilesAreOwnerOnly() throws Exception {
        Database db = Database.embedded(dataDir);
        try {
            Path dbDir = dataDir.resolve("db");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbDir))).isEqualTo("rwx------");
            List<Path> files;
            try (var list = Files.list(dbDir)) {
                files = list.filter(Files::isRegularFile).toList();
            }
            assertThat(files).isNotEmpty();
            for (Path f : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        } finally {
            db.close();
        }
    }
}
