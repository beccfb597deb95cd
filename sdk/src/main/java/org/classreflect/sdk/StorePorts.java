package org.classreflect.sdk;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.template.Templates;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.core.transcript.Transcripts;

/**
 * The ports that keep ClassReflect's records, as one set: they read each other's data (a search reads transcripts,
 * usage reads recordings), so they come from one database. Replace any of them with the host's own adapter by
 * building the record with it.
 */
public record StorePorts(Schools schools, Users users, Recordings recordings, RecordingTextSearch recordingTextSearch,
                         RecordingChanges recordingChanges, Transcripts transcripts, Analyses analyses, Templates templates,
                         SchoolSettings schoolSettings, SystemChoicesStore systemChoices, ApiTokens apiTokens,
                         UsageStatistics usageStatistics, TeacherGoals teacherGoals, AccessLog accessLog,
                         ErasureRequests erasureRequests, AccountRemoval accountRemoval,
                         SchoolPrivacySettings schoolPrivacy) {

    /** Every store in this process's memory: nothing outlives the JVM. For trials, tests and short-lived hosts. */
    public static StorePorts inMemory() {
        InMemoryStores memory = new InMemoryStores();
        return new StorePorts(memory.schools(), memory.users(), memory.recordings(), memory.recordingTextSearch(),
                memory.recordingChanges(),
                memory.transcripts(), memory.analyses(), memory.templates(), memory.schoolSettings(),
                memory.systemChoices(), memory.apiTokens(), memory.usageStatistics(), memory.teacherGoals(),
                memory.accessLog(), memory.erasureRequests(), memory.accountRemoval(), memory.schoolPrivacy());
    }
}
