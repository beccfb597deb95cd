package org.classreflect.sdk;

import org.classreflect.core.school.ListSchools;
import org.classreflect.core.school.ListUsers;

/** Schools and the people in them. */
public record SchoolUseCases(ListSchools schools, ListUsers users) {
}
