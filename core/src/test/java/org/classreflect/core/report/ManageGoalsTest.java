package org.classreflect.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManageGoalsTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ManageGoals goals;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        goals = new ManageGoals(core.stores.teacherGoals(), core.stores.users(), core.policy);
    }

    @Test
    void aTeacherChoosesWhatTheyWorkOnAndTheirManagerReadsIt() {
        var saved = goals.set(core.ada.asActor(), new ManageGoals.Command(core.ada.id(),
                List.of(" Wait time after questions ", "Open questions", "Wait time after questions")));

        assertThat(saved.orElseThrow()).containsExactly("Wait time after questions", "Open questions");
        assertThat(goals.get(core.ada.asActor(), core.ada.id()).orElseThrow())
                .containsExactly("Wait time after questions", "Open questions");
        assertThat(goals.get(core.oakManager.asActor(), core.ada.id()).orElseThrow()).hasSize(2);
    }

    @Test
    void nobodyElseChoosesForATeacherAndOtherSchoolsSeeNothing() {
        var command = new ManageGoals.Command(core.ada.id(), List.of("Open questions"));

        assertThat(reason(goals.set(core.oakManager.asActor(), command))).isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(goals.set(core.eve.asActor(), command))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(goals.get(core.eve.asActor(), core.ada.id()))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.teacherGoals().find(core.ada.id())).isEmpty();
    }

    @Test
    void blankOrTooManyCriteriaAreRefusedAndNothingIsStored() {
        var blank = new ManageGoals.Command(core.ada.id(), List.of("Open questions", " "));
        var six = new ManageGoals.Command(core.ada.id(), List.of("a", "b", "c", "d", "e", "f"));
        var longName = new ManageGoals.Command(core.ada.id(), List.of(String.join("", Collections.nCopies(201, "x"))));

        assertThat(reason(goals.set(core.ada.asActor(), blank))).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(goals.set(core.ada.asActor(), six))).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(goals.set(core.ada.asActor(), longName))).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.teacherGoals().find(core.ada.id())).isEmpty();
    }
}
