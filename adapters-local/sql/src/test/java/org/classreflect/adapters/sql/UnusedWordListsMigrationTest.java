package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V22 removes the transcript word lists an H2 database held at V21 (H2 no longer reads or writes them). */
class UnusedWordListsMigrationTest {

    @Test
    void emptiesTheTranscriptWordListsOnH2() {
        String url = "jdbc:h2:mem:v21-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(Migrations.IN_JAVA.toArray(JavaMigration[]::new)).target("21").load().migrate();
        Jdbi.create(url, "sa", "").useHandle(h -> h.execute(
                "INSERT INTO transcript_search_words (recording_id, search_words) VALUES ('r-1', ' water ')"));

        try (Database database = Database.connect(url, "sa", "", 2)) {
            int lists = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transcript_search_words")
                    .mapTo(Integer.class).one());

            assertThat(lists).isZero();
        }
    }
}
