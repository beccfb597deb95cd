package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed in the middle of a migration leaves a database the next start can open and migrate. */
class EmbeddedMigrationsTest {

    @TempDir
    Path dataDir;

    @Test
    void aCopyLeftByAnUnfinishedMigrationIsPutBackAndMigratedAgain() throws Exception {
        try (Database db = Database.embedded(dataDir)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO schools (id, name, created_at) VALUES ('s1', 'Oak', NOW())"));
        }
        Path beforeTheMigration = Files.copy(dataDir.resolve("db/classreflect.mv.db"), dataDir.resolve("saved.mv.db"));
        try (Database halfMigrated = Database.embedded(dataDir)) { // as a kill between a migration's steps leaves it
            halfMigrated.jdbi().useHandle(h -> h.execute("DROP TABLE analyses"));
        }
        Files.copy(beforeTheMigration, dataDir.resolve("db/classreflect.mv.db.before-migration"));

        try (Database restarted = Database.embedded(dataDir)) {
            Integer analyses = restarted.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM analyses")
                    .mapTo(Integer.class).one());
            String school = restarted.jdbi().withHandle(h -> h.createQuery("SELECT name FROM schools WHERE id = 's1'")
                    .mapTo(String.class).one());
            assertThat(analyses).isZero();
            assertThat(school).isEqualTo("Oak");
        }
        assertThat(dataDir.resolve("db/classreflect.mv.db.before-migration")).doesNotExist();
    }

    @Test
    void aFirstStartKilledWhileBuildingTheDatabaseLeavesNothingTheNextStartTripsOver() throws Exception {
        Path building = Files.createDirectories(dataDir.resolve("db-building"));
        Files.writeString(building.resolve("classreflect.mv.db"), "half a database");

        try (Database db = Database.embedded(dataDir)) {
            Integer recordings = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recordings")
                    .mapTo(Integer.class).one());
            assertThat(recordings).isZero();
        }
        assertThat(building).doesNotExist();
        assertThat(dataDir.resolve("db/classreflect.mv.db")).exists();
    }
}
