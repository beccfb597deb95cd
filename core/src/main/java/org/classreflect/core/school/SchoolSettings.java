package org.classreflect.core.school;

/** Port: each school's analysis settings. */
public interface SchoolSettings {

    /** The school's settings, or the defaults when it never saved any. */
    SchoolAnalysisSettings find(String schoolId);

    void save(SchoolAnalysisSettings settings);
}
