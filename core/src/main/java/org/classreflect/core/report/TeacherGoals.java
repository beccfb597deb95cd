package org.classreflect.core.report;

import java.util.List;

/** The criteria each teacher has chosen to work on, in the order they chose them. */
public interface TeacherGoals {

    /** The teacher's chosen criteria; empty when they have chosen none. */
    List<String> find(String teacherId);

    /** Replaces the teacher's chosen criteria. */
    void save(String teacherId, List<String> criteria);
}
