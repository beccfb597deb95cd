package org.classreflect.adapters.sql;

import java.nio.file.Path;
import org.classreflect.testfixtures.servers.MariaDbServer;

/** One H2 and one MariaDB database per test JVM, emptied by {@link #clean} before each test that uses them. */
final class TestDatabases {

    private static Database h2;
    private static Database mariaDb;

    private TestDatabases() {
    }

    static synchronized Database h2() {
        if (h2 == null) {
            h2 = Database.inMemory();
        }
        return h2;
    }

    static synchronized Database mariaDb() {
        if (mariaDb == null) {
            mariaDb = Database.connect(mariaDbUrl("classreflect"), MariaDbServer.USER, MariaDbServer.PASSWORD, 4);
        }
        return mariaDb;
    }

    static String mariaDbUrl(String database) {
        return MariaDbServer.shared(Path.of("target")).createDatabase(database);
    }

    static Database clean(Database database) {
        database.jdbi().useTransaction(h -> {
            for (String table : new String[] {"access_log", "erasure_requests", "school_privacy", "system_settings",
                    "analyses", "analysis_templates", "school_analysis_settings", "teacher_goals", "api_tokens",
                    "transcript_search_words", "transcripts", "recording_deletions", "recordings", "users", "schools"}) {
                h.execute("DELETE FROM " + table);
            }
            if (database != h2) {
                h.execute("DELETE FROM search_postings");
            }
        });
        return database;
    }
}
