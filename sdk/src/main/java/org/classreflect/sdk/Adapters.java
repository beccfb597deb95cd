package org.classreflect.sdk;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.erasure.AccountRemoval;
import org.classreflect.core.erasure.ErasureRequests;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.template.Templates;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.telemetry.LogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.school.PasswordHasher;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.PasswordPolicy;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.DirectUploads;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcripts;

/**
 * The adapter that serves each port of the core: the one place that says which technology does what. Built by
 * {@link ClassReflect.Builder}; the apps' object graphs take their ports from here too.
 */
public interface Adapters {

    Schools schools();

    Users users();

    Recordings recordings();

    RecordingTextSearch recordingTextSearch();

    RecordingChanges recordingChanges();

    Transcripts transcripts();

    Analyses analyses();

    Templates templates();

    SchoolSettings schoolSettings();

    SystemChoicesStore systemChoices();

    ApiTokens apiTokens();

    UsageStatistics usageStatistics();

    TeacherGoals teacherGoals();

    AccessLog accessLog();

    ErasureRequests erasureRequests();

    AccountRemoval accountRemoval();

    SchoolPrivacySettings schoolPrivacySettings();

    AudioStore audioStore();

    /** Browser-to-storage uploads, where the audio store can take them (S3). */
    Optional<DirectUploads> directUploads();

    JobQueue jobQueue();

    Transcriber transcriber();

    /** Rubric feedback from a language model; it answers null (no feedback) when no model is in force. */
    RubricAnalyzer rubricAnalyzer();

    AudioDecoder audioDecoder();

    SpeakerEstimator speakerEstimator();

    PasswordHasher passwordHasher();

    TokenService tokenService();

    /** How strong a chosen password must be (default: nbvcxz when classreflect-adapters-security is there). */
    PasswordPolicy passwordPolicy();

    Clock clock();

    WorkMetrics workMetrics();

    LogContext logContext();

    Set<HealthProbe> healthProbes();
}
