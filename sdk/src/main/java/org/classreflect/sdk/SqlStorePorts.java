package org.classreflect.sdk;

import org.classreflect.adapters.sql.JdbiAccessLog;
import org.classreflect.adapters.sql.JdbiAccountRemoval;
import org.classreflect.adapters.sql.JdbiErasureRequests;
import org.classreflect.adapters.sql.JdbiSchoolPrivacySettings;
import java.time.Clock;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiAnalyses;
import org.classreflect.adapters.sql.JdbiApiTokens;
import org.classreflect.adapters.sql.JdbiRecordingChanges;
import org.classreflect.adapters.sql.JdbiRecordingTextSearch;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiSchoolSettings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiSystemChoices;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.adapters.sql.JdbiTranscripts;
import org.classreflect.adapters.sql.JdbiUsageStatistics;
import org.classreflect.adapters.sql.JdbiTeacherGoals;
import org.classreflect.adapters.sql.JdbiUsers;

/** Every store on one SQL database. Loaded only when a SQL database is chosen (classreflect-adapters-sql). */
public final class SqlStorePorts {

    private SqlStorePorts() {
    }

    public static StorePorts on(Database db, Clock clock) {
        var jdbi = db.jdbi();
        return new StorePorts(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiRecordings(jdbi),
                new JdbiRecordingTextSearch(jdbi), new JdbiRecordingChanges(jdbi), new JdbiTranscripts(jdbi),
                new JdbiAnalyses(jdbi),
                new JdbiTemplates(jdbi, clock), new JdbiSchoolSettings(jdbi), new JdbiSystemChoices(jdbi),
                new JdbiApiTokens(jdbi), new JdbiUsageStatistics(jdbi), new JdbiTeacherGoals(jdbi), new JdbiAccessLog(jdbi),
                new JdbiErasureRequests(jdbi), new JdbiAccountRemoval(jdbi), new JdbiSchoolPrivacySettings(jdbi));
    }
}
