package org.classreflect.core.inmemory;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import java.time.Clock;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.template.Templates;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.core.transcript.Transcripts;

/** Every store port in memory, thread-safe over one shared state: for running without a database, and fast tests. */
public final class InMemoryStores {

    private final InMemorySchools schools;
    private final InMemoryUsers users;
    private final InMemoryTranscripts transcripts;
    private final InMemoryRecordings recordings;
    private final InMemoryRecordingTextSearch recordingTextSearch;
    private final InMemoryRecordingChanges recordingChanges;
    private final InMemoryTemplates templates;
    private final InMemoryAnalyses analyses;
    private final InMemorySchoolSettings schoolSettings;
    private final InMemorySystemChoices systemChoices;
    private final InMemoryApiTokens apiTokens;
    private final InMemoryUsageStatistics usageStatistics;
    private final InMemoryTeacherGoals teacherGoals;
    private final InMemoryAccessLog accessLog;
    private final InMemoryErasureRequests erasureRequests;
    private final InMemoryAccountRemoval accountRemoval;
    private final InMemorySchoolPrivacySettings schoolPrivacy;

    public InMemoryStores() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates deleted recordings, whose tombstones the change feed keeps about an hour. */
    public InMemoryStores(Clock clock) {
        StoreLock lock = new StoreLock();
        RecordingChangeLog changeLog = new RecordingChangeLog(clock);
        schools = new InMemorySchools(lock);
        users = new InMemoryUsers(lock, schools);
        transcripts = new InMemoryTranscripts(lock, this::hasRecording);
        recordings = new InMemoryRecordings(lock, schools, users, transcripts, changeLog);
        recordingTextSearch = new InMemoryRecordingTextSearch(recordings);
        recordingChanges = new InMemoryRecordingChanges(lock, recordings, changeLog);
        templates = new InMemoryTemplates(lock, schools);
        analyses = new InMemoryAnalyses(lock, templates, recordings);
        schoolSettings = new InMemorySchoolSettings(lock, schools);
        systemChoices = new InMemorySystemChoices(lock);
        apiTokens = new InMemoryApiTokens(lock, users);
        usageStatistics = new InMemoryUsageStatistics(lock, users, recordings);
        teacherGoals = new InMemoryTeacherGoals(lock, users);
        accessLog = new InMemoryAccessLog(lock);
        erasureRequests = new InMemoryErasureRequests(lock);
        schoolPrivacy = new InMemorySchoolPrivacySettings(lock, schools);
        accountRemoval = new InMemoryAccountRemoval(lock, schools, users, recordings, templates, schoolSettings,
                schoolPrivacy, apiTokens, teacherGoals);
    }

    public Schools schools() {
        return schools;
    }

    public Users users() {
        return users;
    }

    /** Made before the recordings, the transcripts ask through this whether one exists. */
    private boolean hasRecording(String id) {
        return recordings.has(id);
    }

    public Transcripts transcripts() {
        return transcripts;
    }

    public Recordings recordings() {
        return recordings;
    }

    public RecordingTextSearch recordingTextSearch() {
        return recordingTextSearch;
    }

    public RecordingChanges recordingChanges() {
        return recordingChanges;
    }

    public Templates templates() {
        return templates;
    }

    public Analyses analyses() {
        return analyses;
    }

    public SchoolSettings schoolSettings() {
        return schoolSettings;
    }

    public SystemChoicesStore systemChoices() {
        return systemChoices;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public UsageStatistics usageStatistics() {
        return usageStatistics;
    }

    public TeacherGoals teacherGoals() {
        return teacherGoals;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    public ErasureRequests erasureRequests() {
        return erasureRequests;
    }

    public AccountRemoval accountRemoval() {
        return accountRemoval;
    }

    public SchoolPrivacySettings schoolPrivacy() {
        return schoolPrivacy;
    }
}
