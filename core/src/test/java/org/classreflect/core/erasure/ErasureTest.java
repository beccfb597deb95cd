package org.classreflect.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.accesslog.AccessAction;
import org.classreflect.core.accesslog.AccessEntry;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.school.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RequestErasure}, {@link CarryOutErasure} and {@link ResumeErasures} over the in-memory ports. */
class ErasureTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ProcessNextJob worker;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        core.seedStarterTemplates().execute();
        worker = core.processNextJob();
    }

    /** A completed lesson with one completed analysis: the school's default, queued by the upload. */
    private Recording lessonOf(Actor teacher) throws Exception {
        Recording r = core.upload(teacher, null, InMemoryCore.wav(4000)).orElseThrow();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        worker.runOnce();
        assertThat(core.stores.analyses().listForRecording(r.id())).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AnalysisStatus.COMPLETED));
        return core.recording(r.id());
    }

    private List<AccessEntry> erasureEntries() {
        return core.stores.accessLog().find(new AccessLogQuery(null, null, null, AccessAction.ERASURE, null, null,
                new PageRequest(0, 50))).items();
    }

    @Test
    void erasingATeacherRemovesTheirLessonsAudioScratchCopiesTokensAndAccountAndLeavesAReceipt() throws Exception {
        Recording first = lessonOf(core.ada.asActor());
        Recording second = lessonOf(core.ada.asActor());
        Recording bobs = lessonOf(core.bob.asActor());
        core.createApiToken().execute(core.ada.asActor(), "laptop").orElseThrow();
        Path copy = Files.createDirectories(scratch.resolve("worker")).resolve(first.id() + "123.audio");
        Files.writeString(copy, "left by a killed worker");

        ErasureRequest request = core.requestErasure().execute(core.oakManager.asActor(),
                new RequestErasure.Command(ErasureKind.TEACHER, core.ada.id())).orElseThrow();
        ErasureRequest done = core.carryOutErasure().execute(request.id()).orElseThrow();

        assertThat(done.completed()).isTrue();
        assertThat(done.receipt()).isEqualTo(new ErasureReceipt(1, 2, 2, 2, 2, 1, 0));
        for (Recording gone : List.of(first, second)) {
            assertThat(core.stores.recordings().find(gone.id())).isEmpty();
            assertThat(core.stores.transcripts().find(gone.id())).isEmpty();
            assertThat(core.stores.analyses().listForRecording(gone.id())).isEmpty();
            assertThat(core.audio.keys()).doesNotContain(gone.audioKey());
        }
        assertThat(copy).doesNotExist();
        assertThat(core.stores.users().find(core.ada.id())).isEmpty();
        assertThat(core.stores.apiTokens().listForUser(core.ada.id())).isEmpty();
        assertThat(core.stores.recordings().find(bobs.id())).as("another teacher's lesson").isPresent();
        assertThat(core.audio.keys()).contains(bobs.audioKey());
        List<AccessEntry> entries = erasureEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actorId()).isEqualTo(core.oakManager.id());
        assertThat(entries.get(0).schoolId()).isEqualTo(core.oak.id());
        assertThat(entries.get(0).teacherId()).isEqualTo(core.ada.id());
        assertThat(entries.get(0).detail()).contains("2 recording(s)");
    }

    @Test
    void anErasureStoppedMidwayByAFailingStoreIsFinishedByResumeWithTheReceiptOfTheFirstInventory()
            throws Exception {
        List<Recording> lessons = List.of(lessonOf(core.ada.asActor()), lessonOf(core.ada.asActor()),
                lessonOf(core.ada.asActor()));
        ErasureRequest request = core.requestErasure().execute(core.admin,
                new RequestErasure.Command(ErasureKind.TEACHER, core.ada.id())).orElseThrow();
        core.audio.deletesBeforeFailure.set(1);

        assertThatThrownBy(() -> core.carryOutErasure().execute(request.id())).hasMessageContaining("audio");

        ErasureRequest halfway = core.stores.erasureRequests().find(request.id()).orElseThrow();
        assertThat(halfway.completed()).isFalse();
        assertThat(halfway.receipt().recordings()).isEqualTo(3);
        assertThat(lessons.stream().filter(r -> core.stores.recordings().find(r.id()).isPresent()).count())
                .as("one lesson went before the store failed").isEqualTo(2);
        assertThat(core.stores.users().find(core.ada.id()).orElseThrow().active())
                .as("the account is closed at once").isFalse();
        assertThat(erasureEntries()).isEmpty();

        core.audio.deletesBeforeFailure.set(-1);
        assertThat(new ResumeErasures(core.stores.erasureRequests(), core.carryOutErasure()).execute())
                .isEqualTo(1);

        ErasureRequest done = core.stores.erasureRequests().find(request.id()).orElseThrow();
        assertThat(done.completed()).isTrue();
        assertThat(done.receipt().recordings()).isEqualTo(3);
        assertThat(lessons).allSatisfy(r -> {
            assertThat(core.stores.recordings().find(r.id())).isEmpty();
            assertThat(core.audio.keys()).doesNotContain(r.audioKey());
        });
        assertThat(core.stores.users().find(core.ada.id())).isEmpty();
        assertThat(core.carryOutErasure().execute(request.id())).contains(done);
        assertThat(erasureEntries()).as("one entry however often it ran").hasSize(1);
    }

    @Test
    void erasingASchoolRemovesEveryAccountLessonTemplateAndSettingOfItAndNoOtherSchools() throws Exception {
        Recording ada = lessonOf(core.ada.asActor());
        Recording eve = lessonOf(core.eve.asActor());

        ErasureRequest request = core.requestErasure().execute(core.admin,
                new RequestErasure.Command(ErasureKind.SCHOOL, core.oak.id())).orElseThrow();
        ErasureRequest done = core.carryOutErasure().execute(request.id()).orElseThrow();

        assertThat(done.receipt().users()).isEqualTo(3);
        assertThat(done.receipt().recordings()).isEqualTo(1);
        assertThat(core.stores.schools().find(core.oak.id())).isEmpty();
        assertThat(core.stores.users().list(core.oak.id())).isEmpty();
        assertThat(core.stores.recordings().find(ada.id())).isEmpty();
        assertThat(core.stores.recordings().find(eve.id())).isPresent();
        assertThat(core.stores.users().find(core.eve.id())).isPresent();
        assertThat(erasureEntries()).singleElement().satisfies(e -> assertThat(e.schoolId()).isEqualTo(core.oak.id()));
    }

    @Test
    void onlyTheTeachersManagerOrASuperAdminMayEraseATeacherAndOnlyASuperAdminASchool() {
        var teacher = new RequestErasure.Command(ErasureKind.TEACHER, core.ada.id());
        assertThat(reason(core.requestErasure().execute(core.bob.asActor(), teacher)))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.requestErasure().execute(core.elmManager.asActor(), teacher)))
                .as("another school's manager does not even see her").isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.requestErasure().execute(core.oakManager.asActor(),
                new RequestErasure.Command(ErasureKind.SCHOOL, core.oak.id()))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.requestErasure().execute(core.admin,
                new RequestErasure.Command(ErasureKind.TEACHER, core.oakManager.id()))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        ErasureRequest first = core.requestErasure().execute(core.oakManager.asActor(), teacher).orElseThrow();
        assertThat(core.requestErasure().execute(core.admin, teacher).orElseThrow())
                .as("asked again while unfinished").isEqualTo(first);
        assertThat(new ListErasures(core.stores.erasureRequests()).execute(core.elmManager.asActor()).orElseThrow())
                .isEmpty();
        assertThat(new ListErasures(core.stores.erasureRequests()).execute(core.oakManager.asActor()).orElseThrow())
                .containsExactly(first);
    }
}
