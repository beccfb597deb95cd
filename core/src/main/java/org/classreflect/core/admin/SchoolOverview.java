package org.classreflect.core.admin;

import org.classreflect.core.school.School;

/** A school with its counts, as the super admin's school list shows it. */
public record SchoolOverview(School school, SchoolCounts counts) {
}
