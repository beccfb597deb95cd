package org.classreflect.core.template;

import java.util.List;
import java.util.Set;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.school.SchoolAnalysisSettings;

/**
 * The global templates every school starts with. Targets come from published teaching guidance; the sources, and
 * which numbers are our own starting choices, are listed in docs/analysis.md.
 */
public final class StarterTemplates {

    public static final Template QUESTIONING_AND_WAIT_TIME = new Template(
            SchoolAnalysisSettings.STARTER_DEFAULT_TEMPLATE_ID, null, "Questioning and wait time",
            "How often the teacher asks questions, how open they are, and how long students get to think.",
            "questioning", Set.of(), Set.of(), 1, List.of(
                    Criterion.measured("Wait time after questions", 30, new MeasuredTarget(
                            Metric.WAIT_TIME_MEAN_SECONDS, TargetRange.atLeast(3.0), ScoringCurve.linear(2.0))),
                    Criterion.measured("Open questions", 25, new MeasuredTarget(
                            Metric.OPEN_QUESTION_SHARE, TargetRange.atLeast(0.3), ScoringCurve.linear(0.3))),
                    Criterion.measured("Questions asked regularly", 15, new MeasuredTarget(
                            Metric.QUESTIONS_PER_MINUTE, TargetRange.between(0.5, 3.0), ScoringCurve.linear(0.5))),
                    Criterion.judged("Quality of questioning", 30,
                            "Questions probe reasoning rather than recall, build on what students answered, and"
                                    + " move from checking facts to asking for explanations and examples.")));

    public static final Template STUDENT_VOICE_AND_ENGAGEMENT = new Template(
            "starter-student-voice", null, "Student voice and engagement",
            "How much of the talk is the students', and how the teacher takes up and encourages their ideas.",
            "engagement", Set.of(), Set.of(), 1, List.of(
                    Criterion.measured("Teacher talk share", 35, new MeasuredTarget(
                            Metric.TEACHER_TALK_SHARE, TargetRange.atMost(0.65), ScoringCurve.linear(0.3))),
                    Criterion.measured("No long monologues", 15, new MeasuredTarget(
                            Metric.LONGEST_MONOLOGUE_SECONDS, TargetRange.atMost(600.0),
                            ScoringCurve.linear(600.0))),
                    new Criterion("Encouragement and praise", 20, new MeasuredTarget(
                            Metric.PRAISE_COUNT, TargetRange.atLeast(2.0), ScoringCurve.linear(2.0)),
                            "Praise is specific: it names what the student did well (the reasoning, the effort,"
                                    + " the strategy) rather than only saying 'good'."),
                    Criterion.judged("Uptake of student ideas", 30,
                            "The teacher builds on students' contributions: revoices or asks them to say more,"
                                    + " and invites other students to agree, disagree or add on.")));

    public static final Template LESSON_CLARITY_AND_PACE = new Template(
            "starter-clarity-pace", null, "Lesson clarity and pace",
            "Whether explanations are delivered at a followable pace, fluently, with checks that students follow.",
            "delivery", Set.of(), Set.of(), 1, List.of(
                    Criterion.measured("Speaking rate", 25, new MeasuredTarget(
                            Metric.SPEAKING_RATE_WPM, TargetRange.between(120.0, 160.0), ScoringCurve.linear(40.0))),
                    Criterion.measured("Few filler words", 15, new MeasuredTarget(
                            Metric.FILLERS_PER_100_WORDS, TargetRange.atMost(3.0), ScoringCurve.linear(5.0))),
                    Criterion.measured("Checks for understanding", 20, new MeasuredTarget(
                            Metric.CHECK_FOR_UNDERSTANDING_COUNT, TargetRange.atLeast(2.0),
                            ScoringCurve.linear(2.0))),
                    Criterion.judged("Clear explanation", 40,
                            "The goal of the lesson is stated; new material is explained in small steps with"
                                    + " examples; the key points are summarised at the end.")));

    public static final List<Template> ALL = List.of(QUESTIONING_AND_WAIT_TIME, STUDENT_VOICE_AND_ENGAGEMENT,
            LESSON_CLARITY_AND_PACE);

    private StarterTemplates() {
    }
}
