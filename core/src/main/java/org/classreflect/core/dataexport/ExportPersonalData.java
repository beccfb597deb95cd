package org.classreflect.core.dataexport;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.accesslog.ReadAccessLog;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.report.Progress;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.ScoreVisibility;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.transcript.Transcripts;

/**
 * An access request answered: everything held about a teacher (asked for by the teacher, their school's manager or a
 * super admin) or a whole school (by a super admin). The export is logged before anything is read.
 */
public final class ExportPersonalData {

    private static final int PAGE = PageRequest.MAX_LIMIT;

    /** @param fromAddress where the request came from, for the access log (null: not over a network) */
    public record Command(ExportKind kind, String subjectId, String fromAddress) {

        public Command {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final Users users;
    private final Schools schools;
    private final Recordings recordings;
    private final Transcripts transcripts;
    private final ReadAnalyses readAnalyses;
    private final ScoreVisibility scores;
    private final ReadAccessLog readAccessLog;
    private final RecordAccess recordAccess;
    private final AudioStore audioStore;
    private final AccessPolicy policy;

    @Inject
    public ExportPersonalData(Users users, Schools schools, Recordings recordings, Transcripts transcripts,
                              ReadAnalyses readAnalyses, ScoreVisibility scores, ReadAccessLog readAccessLog,
                              RecordAccess recordAccess, AudioStore audioStore, AccessPolicy policy) {
        this.users = users;
        this.schools = schools;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.readAnalyses = readAnalyses;
        this.scores = scores;
        this.readAccessLog = readAccessLog;
        this.recordAccess = recordAccess;
        this.audioStore = audioStore;
        this.policy = policy;
    }

    public Result<PersonalData> execute(Actor actor, Command command) {
        if (command.subjectId() == null || command.subjectId().isBlank()) {
            return Result.rejected(Rejection.invalid("name the " + command.kind().wireName() + " to export"));
        }
        Result<Subject> subject = command.kind() == ExportKind.TEACHER
                ? person(actor, command.subjectId()) : school(actor, command.subjectId());
        return subject.map(s -> {
            recordAccess.execute(actor, new RecordAccess.Event(AccessAction.EXPORT, command.kind()
                    == ExportKind.TEACHER ? RecordAccess.Target.user(s.id()) : RecordAccess.Target.school(s.id()),
                    command.fromAddress(), "all data of the " + command.kind().wireName()));
            return new Reader(actor, command.kind(), s);
        });
    }

    private record Subject(String id, School school, List<User> accounts, RecordingScope scope) {
    }

    private Result<Subject> person(Actor actor, String userId) {
        Optional<User> user = users.find(userId).filter(u -> policy.canSeeUser(actor, u));
        if (user.isEmpty() || user.get().role() == Role.SUPER_ADMIN) {
            return Result.rejected(Rejection.notFound("teacher"));
        }
        School school = schools.find(user.get().schoolId()).orElseThrow();
        return Result.ok(new Subject(userId, school, List.of(user.get()), RecordingScope.teacher(userId)));
    }

    private Result<Subject> school(Actor actor, String schoolId) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin may export a whole school"));
        }
        return schools.find(schoolId)
                .<Result<Subject>>map(s -> Result.ok(new Subject(schoolId, s, users.list(schoolId),
                        RecordingScope.school(schoolId))))
                .orElseGet(() -> Result.rejected(Rejection.notFound("school")));
    }

    private final class Reader implements PersonalData {

        private final Actor actor;
        private final ExportKind kind;
        private final Subject subject;
        private final boolean scoresHidden;

        Reader(Actor actor, ExportKind kind, Subject subject) {
            this.actor = actor;
            this.kind = kind;
            this.subject = subject;
            this.scoresHidden = scores.hiddenFrom(actor, subject.school().id());
        }

        @Override
        public ExportKind kind() {
            return kind;
        }

        @Override
        public String subjectId() {
            return subject.id();
        }

        @Override
        public School school() {
            return subject.school();
        }

        @Override
        public List<User> accounts() {
            return subject.accounts();
        }

        @Override
        public long lessonCount() {
            return recordings.list(page(0, 1)).total();
        }

        private RecordingQuery page(int offset, int limit) {
            return new RecordingQuery(subject.scope(), null, Set.of(), new PageRequest(offset, limit),
                    RecordingSearch.NONE);
        }

        @Override
        public void forEachLesson(Consumer<ExportedLesson> each) {
            for (int offset = 0; ; offset += PAGE) {
                Page<Recording> page = recordings.list(page(offset, PAGE)).map(ListedRecording::recording);
                for (Recording r : page.items()) {
                    var analyses = readAnalyses.forRecording(actor, r.id());
                    each.accept(new ExportedLesson(r, transcripts.find(r.id()).orElse(null),
                            analyses.isOk() ? analyses.orElseThrow().value() : List.of(), scoresHidden,
                            analyses.isOk() ? analyses.orElseThrow().scoreGoal() : null));
                }
                if (page.items().size() < PAGE) {
                    return;
                }
            }
        }

        @Override
        public Optional<InputStream> openAudio(Recording recording) throws IOException {
            if (!recording.hasAudio() || !audioStore.exists(recording.audioKey())) {
                return Optional.empty();
            }
            return Optional.of(audioStore.open(recording.audioKey()));
        }

        @Override
        public List<Progress> progress() {
            return subject.accounts().stream().filter(u -> u.role() == Role.TEACHER)
                    .map(u -> readAnalyses.progress(actor, u.id()))
                    .filter(Result::isOk).map(Result::orElseThrow).toList();
        }

        @Override
        public void forEachAccessEntry(Consumer<ReadAccessLog.Line> each) {
            AccessLogQuery query = kind == ExportKind.TEACHER
                    ? new AccessLogQuery(null, subject.id(), null, null, null, null, new PageRequest(0, PAGE))
                    : new AccessLogQuery(subject.id(), null, null, null, null, null, new PageRequest(0, PAGE));
            for (int offset = 0; ; offset += PAGE) {
                Page<ReadAccessLog.Line> page = readAccessLog.execute(actor, query.withPage(
                        new PageRequest(offset, PAGE)));
                page.items().forEach(each);
                if (page.items().size() < PAGE) {
                    return;
                }
            }
        }
    }
}
