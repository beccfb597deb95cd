package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.school.School;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void reopensAnEmbeddedDatabaseWithItsDataAndWithoutMigratingAgain(@TempDir Path dataDir) throws IOException {
        School school = ASchool.named("s-1", "Oak Primary");
        try (Database first = Database.embedded(dataDir)) {
            new JdbiSchools(first.jdbi()).insert(school);
        }
        try (Database second = Database.embedded(dataDir)) {
            assertThat(new JdbiSchools(second.jdbi()).find("s-1")).hasValue(school);
            assertThat(appliedMigrations(second)).isEqualTo(migrationFiles());
        }
    }

    @Test
    void migratesAMariaDbDatabaseOnlyOnce() throws IOException {
        String url = TestDatabases.mariaDbUrl("migrated_twice");
        try (Database first = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2);
             Database second = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            assertThat(appliedMigrations(first)).isEqualTo(migrationFiles());
            assertThat(appliedMigrations(second)).isEqualTo(migrationFiles());
        }
    }

    @Test
    void probeReportsAReachableDatabase() {
        HealthProbe probe = new DatabaseProbe(TestDatabases.h2().jdbi());

        assertThat(probe.name()).isEqualTo("database");
        assertThat(probe.check().up()).isTrue();
    }

    @Test
    void probeReportsAClosedDatabaseAsDown() {
        Database database = Database.inMemory();
        database.close();

        HealthProbe.Status status = new DatabaseProbe(database.jdbi()).check();

        assertThat(status.up()).isFalse();
        assertThat(status.detail()).startsWith("unreachable");
    }

    @Test
    void aMySqlPoolCachesStatementsUnlessTheUrlSaysOtherwise() {
        assertThat(Database.driverSettings("jdbc:mysql://db:3306/classreflect"))
                .containsEntry("cachePrepStmts", "true").containsEntry("useLocalSessionState", "true");
        assertThat(Database.driverSettings("jdbc:mysql://db:3306/classreflect?useSSL=true&CachePrepStmts=false"))
                .doesNotContainKey("cachePrepStmts").containsEntry("useLocalSessionState", "true");
        assertThat(Database.driverSettings("jdbc:h2:mem:x")).isEmpty();
    }

    /** Every versioned migration the module ships (the SQL files and those in Java), each applied once. */
    private static int migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count()
                    + Migrations.IN_JAVA.size();
        }
    }

    private static int appliedMigrations(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")
                .mapTo(Integer.class).one());
    }
}
