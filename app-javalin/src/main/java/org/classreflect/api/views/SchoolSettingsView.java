package org.classreflect.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.deletion.RetentionSettings;

/**
 * A school's settings, with the installation's retention bounds the school's choice lies within (hours; the
 * installation's may have fractions).
 *
 * @param audioRetentionHours            the school's own period; null: the installation's
 * @param effectiveAudioRetentionHours   the period the retention task applies to this school now
 * @param scoreGoal                      the score from which a criterion meets the school's goal; left out for a
 *                                       teacher of a school that hides scores
 */
public record SchoolSettingsView(String schoolId, boolean hideScoresFromTeachers, String defaultTemplateId,
                                 boolean rubricEnabled, Long audioRetentionHours,
                                 double effectiveAudioRetentionHours, double installationAudioRetentionHours,
                                 double minAudioRetentionHours, double maxAudioRetentionHours,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer scoreGoal,
                                 int minScoreGoal, int maxScoreGoal) {

    public static SchoolSettingsView of(SchoolAnalysisSettings s, RetentionSettings retention) {
        return of(s, retention, false);
    }

    public static SchoolSettingsView of(SchoolAnalysisSettings s, RetentionSettings retention, boolean scoresHidden) {
        Duration own = s.audioRetention();
        return new SchoolSettingsView(s.schoolId(), s.hideScoresFromTeachers(), s.defaultTemplateId(),
                s.rubricEnabled(), own == null ? null : own.toHours(), hours(retention.audioRetentionFor(own)),
                hours(retention.audioRetention()), hours(RetentionSettings.MIN_SCHOOL_AUDIO_RETENTION),
                hours(retention.maxSchoolAudioRetention()), scoresHidden ? null : s.scoreGoal(), SchoolAnalysisSettings.MIN_SCORE_GOAL,
                SchoolAnalysisSettings.MAX_SCORE_GOAL);
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }
}
