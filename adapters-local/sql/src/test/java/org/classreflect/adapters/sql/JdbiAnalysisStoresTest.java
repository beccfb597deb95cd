package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.testfixtures.builders.Times;
import org.classreflect.testfixtures.contracts.AnalysisStoresContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JdbiAnalysisStoresTest {

    private static final Clock CLOCK = Clock.fixed(Times.T0, ZoneOffset.UTC);

    private static AnalysisStoresContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new AnalysisStoresContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiRecordings(jdbi),
                new JdbiTemplates(jdbi, CLOCK), new JdbiAnalyses(jdbi), new JdbiSchoolSettings(jdbi),
                new JdbiTeacherGoals(jdbi));
    }

    @Test
    void aTemplateVersionIsStampedByTheInjectedClock() {
        for (Database database : List.of(TestDatabases.h2(), TestDatabases.mariaDb())) {
            Jdbi jdbi = TestDatabases.clean(database).jdbi();
            new JdbiTemplates(jdbi, CLOCK).insert(StarterTemplates.LESSON_CLARITY_AND_PACE);

            Instant createdAt = jdbi.withHandle(h -> h.createQuery("SELECT * FROM analysis_templates")
                    .map((rs, ctx) -> SqlTimes.instant(rs, "created_at")).one());
            assertThat(createdAt).isEqualTo(Times.T0);
        }
    }

    @Nested
    class OnH2 extends AnalysisStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends AnalysisStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}
