package org.classreflect.adapters.speech.quality;

import java.util.List;

/** Teacher questions found, right and asked, over one lesson or pooled over several. */
record QuestionTally(int truePositives, int detected, int asked, int kindsAgreeing) {

    static QuestionTally pooled(List<LessonScore> scores) {
        return new QuestionTally(scores.stream().mapToInt(s -> s.questions().truePositives()).sum(),
                scores.stream().mapToInt(s -> s.questions().detected()).sum(),
                scores.stream().mapToInt(s -> s.questions().asked()).sum(),
                scores.stream().mapToInt(s -> s.questions().kindsAgreeing()).sum());
    }

    double precision() {
        return detected == 0 ? 1 : (double) truePositives / detected;
    }

    double recall() {
        return asked == 0 ? 1 : (double) truePositives / asked;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of the right questions whose kind (open or closed) is right too. */
    double kindAgreement() {
        return truePositives == 0 ? 1 : (double) kindsAgreeing / truePositives;
    }
}
