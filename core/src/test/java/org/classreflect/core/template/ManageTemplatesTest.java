package org.classreflect.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManageTemplates} over in-memory ports: who edits what, the weight rule, and versions kept. */
class ManageTemplatesTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ManageTemplates templates;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        core.seedStarterTemplates().execute();
        templates = core.manageTemplates();
    }

    private static ManageTemplates.Draft draft(String name, int... weights) {
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            criteria.add(Criterion.judged("criterion " + i, weights[i], "the teacher does thing " + i));
        }
        return new ManageTemplates.Draft(null, name, "", "custom", Set.of(), Set.of(), criteria);
    }

    @Test
    void aManagerCreatesATemplateForTheirOwnSchool() {
        Template made = templates.create(core.oakManager.asActor(), draft("Oak talk", 60, 40)).orElseThrow();

        assertThat(made.schoolId()).isEqualTo(core.oak.id());
        assertThat(made.version()).isEqualTo(1);
        assertThat(templates.list(core.ada.asActor(), null).value()).extracting(Template::id).contains(made.id());
        assertThat(templates.list(core.eve.asActor(), null).value()).extracting(Template::id)
                .doesNotContain(made.id());
        assertThat(reason(templates.get(core.eve.asActor(), made.id()))).isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void weightsMustAddUpToOneHundred() {
        assertThat(reason(templates.create(core.oakManager.asActor(), draft("Too little", 50, 40))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(templates.create(core.oakManager.asActor(), draft("Too much", 60, 41))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.templates().listUsableBy(core.oak.id())).hasSize(StarterTemplates.ALL.size());
    }

    @Test
    void anEditWhoseWeightsDoNotAddUpToOneHundredChangesNothing() {
        Template made = templates.create(core.oakManager.asActor(), draft("Oak talk", 60, 40)).orElseThrow();

        qt().withExamples(50).forAll(lists().of(integers().between(1, 120)).ofSizeBetween(1, 6))
                .assuming(weights -> weights.stream().mapToInt(Integer::intValue).sum() != 100)
                .checkAssert(weights -> {
                    int[] w = weights.stream().mapToInt(Integer::intValue).toArray();
                    assertThat(reason(templates.update(core.oakManager.asActor(), made.id(), draft("Edited", w))))
                            .isEqualTo(Rejection.Reason.INVALID_INPUT);
                    assertThat(core.stores.templates().latest(made.id())).hasValue(made);
                });
    }

    @Test
    void anEditStoresANewVersionAndKeepsTheOldOne() {
        Template v1 = templates.create(core.oakManager.asActor(), draft("Oak talk", 60, 40)).orElseThrow();

        Template v2 = templates.update(core.oakManager.asActor(), v1.id(), draft("Oak talk, revised", 30, 30, 40))
                .orElseThrow();

        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(core.stores.templates().latest(v1.id())).hasValue(v2);
        assertThat(core.stores.templates().find(v1.id(), 1)).hasValue(v1);
        assertThat(templates.get(core.ada.asActor(), v1.id()).orElseThrow().value().name())
                .isEqualTo("Oak talk, revised");
    }

    @Test
    void aManagerCannotEditAnotherSchoolsTemplateNorAGlobalOne() {
        Template elms = templates.create(core.elmManager.asActor(), draft("Elm talk", 100)).orElseThrow();

        assertThat(reason(templates.update(core.oakManager.asActor(), elms.id(), draft("Taken over", 100))))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(templates.delete(core.oakManager.asActor(), elms.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(templates.update(core.oakManager.asActor(),
                StarterTemplates.QUESTIONING_AND_WAIT_TIME.id(), draft("Mine now", 100))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(core.stores.templates().latest(elms.id())).hasValue(elms);
        assertThat(core.stores.templates().latest(StarterTemplates.QUESTIONING_AND_WAIT_TIME.id()))
                .hasValue(StarterTemplates.QUESTIONING_AND_WAIT_TIME);
    }

    @Test
    void teachersMakeNoTemplatesAndChangeNone() {
        Template made = templates.create(core.oakManager.asActor(), draft("Oak talk", 60, 40)).orElseThrow();

        assertThat(reason(templates.create(core.ada.asActor(), draft("Ada's", 100))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(templates.update(core.ada.asActor(), made.id(), draft("Ada's", 100))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(core.stores.templates().latest(made.id())).hasValue(made);
    }

    @Test
    void aSuperAdminEditsAGlobalTemplateAsANewVersion() {
        Template global = StarterTemplates.LESSON_CLARITY_AND_PACE;

        Template v2 = templates.update(core.admin, global.id(), draft("Clarity", 100)).orElseThrow();

        assertThat(v2.isGlobal()).isTrue();
        assertThat(v2.version()).isEqualTo(global.version() + 1);
        assertThat(core.stores.templates().find(global.id(), global.version())).hasValue(global);
    }

    @Test
    void aDeletedTemplateIsGoneForNewAnalysesButItsVersionsStay() {
        Template made = templates.create(core.oakManager.asActor(), draft("Oak talk", 60, 40)).orElseThrow();

        templates.delete(core.oakManager.asActor(), made.id()).orElseThrow();

        assertThat(reason(templates.get(core.oakManager.asActor(), made.id()))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.templates().find(made.id(), 1)).hasValue(made);
    }

    @Test
    void aSchoolThatHidesScoresHidesTheScoringPartsFromItsTeachers() {
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.oak.id(), true, null, false, null));

        assertThat(templates.list(core.ada.asActor(), null).scoresHidden()).isTrue();
        assertThat(templates.list(core.oakManager.asActor(), null).scoresHidden()).isFalse();
        assertThat(templates.list(core.eve.asActor(), null).scoresHidden()).isFalse();
    }
}
