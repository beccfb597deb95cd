package org.classreflect.adapters.sql;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/** Every migration of the schema: the SQL files in db/migration and the ones in Java. */
final class Migrations {

    static final List<JavaMigration> IN_JAVA = List.of(new FullTextSearchMigration(),
            new LessonNameSearchMigration(), new SearchWordListsMigration(), new UnusedWordListsMigration(),
            new SearchPostingsMigration());

    private Migrations() {
    }

    static Flyway on(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(IN_JAVA.toArray(JavaMigration[]::new)).load();
    }
}
