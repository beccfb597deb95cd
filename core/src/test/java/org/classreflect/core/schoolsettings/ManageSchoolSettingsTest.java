package org.classreflect.core.schoolsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.template.StarterTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManageSchoolSettings} over in-memory ports. */
class ManageSchoolSettingsTest {

    private static final RetentionSettings RETENTION = new RetentionSettings(Duration.ofHours(24),
            Duration.ofDays(30), Duration.ofDays(1));

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ManageSchoolSettings settings;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        core.seedStarterTemplates().execute();
        settings = core.manageSchoolSettings(RETENTION);
    }

    private SchoolAnalysisSettings oak(boolean hide, String template, Duration retention) {
        return new SchoolAnalysisSettings(core.oak.id(), hide, template, false, retention);
    }

    @Test
    void aManagerChangesTheirSchoolsSettingsAndItsTeachersReadThem() {
        SchoolAnalysisSettings wanted = oak(true, StarterTemplates.QUESTIONING_AND_WAIT_TIME.id(), Duration.ofDays(7));

        assertThat(settings.put(core.oakManager.asActor(), wanted).orElseThrow()).isEqualTo(wanted);

        assertThat(settings.get(core.ada.asActor(), core.oak.id()).orElseThrow()).isEqualTo(wanted);
        assertThat(core.stores.schoolSettings().find(core.oak.id())).isEqualTo(wanted);
    }

    @Test
    void aTeacherOrAnotherSchoolsManagerChangesNothing() {
        assertThat(reason(settings.put(core.ada.asActor(), oak(true, null, null))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(settings.put(core.elmManager.asActor(), oak(true, null, null))))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(settings.get(core.eve.asActor(), core.oak.id()))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.schoolSettings().find(core.oak.id()))
                .isEqualTo(SchoolAnalysisSettings.defaults(core.oak.id()));
    }

    @Test
    void theDefaultTemplateMustBeUsableByTheSchoolAndTheRetentionWithinBounds() {
        core.manageTemplates().create(core.elmManager.asActor(), new org.classreflect.core.template.ManageTemplates.Draft(
                null, "Elm's", "", "x", java.util.Set.of(), java.util.Set.of(),
                StarterTemplates.LESSON_CLARITY_AND_PACE.criteria())).orElseThrow();
        String elmTemplate = core.stores.templates().listUsableBy(core.elm.id()).stream()
                .filter(t -> !t.isGlobal()).findFirst().orElseThrow().id();

        assertThat(reason(settings.put(core.oakManager.asActor(), oak(false, elmTemplate, null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(settings.put(core.oakManager.asActor(), oak(false, "no-such-template", null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(settings.put(core.oakManager.asActor(), oak(false, null, Duration.ofMinutes(30)))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(settings.put(core.oakManager.asActor(), oak(false, null, Duration.ofDays(31)))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.schoolSettings().find(core.oak.id()))
                .isEqualTo(SchoolAnalysisSettings.defaults(core.oak.id()));
    }
}
