package org.classreflect.adapters.sql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Every migration of the schema: the SQL files in db/migration and the one in Java. */
final class Migrations {

    private Migrations() {
    }

    static Flyway on(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new FullTextSearchMigration()).load();
    }
}
