package org.classreflect.core.erasure;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.accesslog.TargetKind;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.core.template.Templates;
import org.classreflect.core.transcript.Transcripts;

/**
 * Carries out a stored erasure request, from wherever an earlier run stopped. Every step can run again:
 * <ol>
 *   <li>the accounts are deactivated and every token they hold stops working (nothing new arrives);</li>
 *   <li>the receipt is counted and kept, once: a resumed run reports what the first run found;</li>
 *   <li>each recording goes with its audio, scratch copies, transcript and analyses, row last, until none is left;</li>
 *   <li>the account data goes in one transaction ({@link AccountRemoval});</li>
 *   <li>the access log gets one entry (its id is the request's), and the request is marked completed.</li>
 * </ol>
 * A crash between any two steps leaves the request unfinished; the next start ({@link ResumeErasures}) runs it again.
 */
public final class CarryOutErasure {

    private static final PageRequest BATCH = new PageRequest(0, PageRequest.MAX_LIMIT);

    private final ErasureRequests requests;
    private final AccountRemoval accounts;
    private final Users users;
    private final Recordings recordings;
    private final Transcripts transcripts;
    private final Analyses analyses;
    private final ApiTokens apiTokens;
    private final Templates templates;
    private final DeleteRecording deleteRecording;
    private final RecordAccess recordAccess;
    private final Clock clock;

    @Inject
    public CarryOutErasure(ErasureRequests requests, AccountRemoval accounts, Users users, Recordings recordings,
                           Transcripts transcripts, Analyses analyses, ApiTokens apiTokens, Templates templates,
                           DeleteRecording deleteRecording, RecordAccess recordAccess, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.users = users;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.apiTokens = apiTokens;
        this.templates = templates;
        this.deleteRecording = deleteRecording;
        this.recordAccess = recordAccess;
        this.clock = clock;
    }

    /** The completed request; empty when there is no such request. */
    public Optional<ErasureRequest> execute(String requestId) {
        Optional<ErasureRequest> found = requests.find(requestId);
        if (found.isEmpty() || found.get().completed()) {
            return found;
        }
        ErasureRequest request = found.get();
        List<User> accountsToErase = accountsOf(request);
        for (User user : accountsToErase) {
            if (user.active()) {
                users.update(new User(user.id(), user.schoolId(), user.email(), user.displayName(), user.role(),
                        user.passwordHash(), false, user.mustChangePassword(), user.createdAt(), user.externalId()));
            }
            users.bumpTokenVersion(user.id());
        }
        if (request.receipt() == null) {
            requests.recordReceipt(request.id(), inventory(request, accountsToErase));
        }
        ErasureRequest counted = requests.find(request.id()).orElseThrow();
        for (Page<ListedRecording> batch = recordings.list(query(request)); !batch.items().isEmpty();
             batch = recordings.list(query(request))) {
            batch.items().stream().map(ListedRecording::recording).forEach(deleteRecording::remove);
        }
        if (request.kind() == ErasureKind.TEACHER) {
            accounts.removeTeacher(request.subjectId());
        } else {
            accounts.removeSchool(request.subjectId());
        }
        recordAccess.execute("erasure-" + request.id(),
                new Actor(request.requestedBy(), request.requestedByRole(), request.requestedByRole() == Role.SUPER_ADMIN ? null : request.schoolId()),
                new RecordAccess.Event(AccessAction.ERASURE, request.kind() == ErasureKind.TEACHER
                        ? new RecordAccess.Target(TargetKind.USER, request.subjectId(), request.schoolId(),
                                request.subjectId())
                        : new RecordAccess.Target(TargetKind.SCHOOL, request.subjectId(), request.schoolId(), null),
                        null,
                        "erased " + request.kind().wireName() + " " + request.subjectId() + " of school "
                                + request.schoolId() + ": " + counted.receipt().summary()));
        requests.markCompleted(request.id(), clock.instant());
        return requests.find(request.id());
    }

    private List<User> accountsOf(ErasureRequest request) {
        if (request.kind() == ErasureKind.SCHOOL) {
            return users.list(request.subjectId());
        }
        return users.find(request.subjectId()).map(List::of).orElse(List.of());
    }

    private static RecordingQuery query(ErasureRequest request) {
        RecordingScope scope = request.kind() == ErasureKind.TEACHER
                ? RecordingScope.teacher(request.subjectId()) : RecordingScope.school(request.subjectId());
        return new RecordingQuery(scope, null, Set.of(), BATCH, RecordingSearch.NONE);
    }

    private ErasureReceipt inventory(ErasureRequest request, List<User> accountsToErase) {
        int recordingCount = 0;
        int audioFiles = 0;
        int transcriptCount = 0;
        int analysisCount = 0;
        List<Recording> all = new ArrayList<>();
        for (int offset = 0; ; offset += BATCH.limit()) {
            RecordingQuery q = query(request);
            Page<Recording> page = recordings.list(new RecordingQuery(q.scope(), null, q.statuses(),
                    new PageRequest(offset, BATCH.limit()), q.search())).map(ListedRecording::recording);
            all.addAll(page.items());
            if (page.items().size() < BATCH.limit()) {
                break;
            }
        }
        for (Recording r : all) {
            recordingCount++;
            if (r.hasAudio()) {
                audioFiles++;
            }
            if (transcripts.find(r.id()).isPresent()) {
                transcriptCount++;
            }
            analysisCount += analyses.listForRecording(r.id()).size();
        }
        int tokens = accountsToErase.stream().mapToInt(u -> apiTokens.listForUser(u.id()).size()).sum();
        int schoolTemplates = request.kind() == ErasureKind.SCHOOL
                ? (int) templates.listUsableBy(request.subjectId()).stream()
                        .filter(t -> request.subjectId().equals(t.schoolId())).count()
                : 0;
        return new ErasureReceipt(accountsToErase.size(), recordingCount, audioFiles, transcriptCount, analysisCount,
                tokens, schoolTemplates);
    }
}
