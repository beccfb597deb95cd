package org.classreflect.core.admin;

/** How many teachers and managers a school has (active or not) and how many recordings it keeps. */
public record SchoolCounts(long teachers, long managers, long recordings) {

    public static final SchoolCounts NONE = new SchoolCounts(0, 0, 0);
}
