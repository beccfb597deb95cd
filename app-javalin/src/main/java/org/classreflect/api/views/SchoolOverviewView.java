package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.admin.SchoolOverview;

/** A school in the super admin's list, with its counts. */
public record SchoolOverviewView(String id, String name, Instant createdAt, long teachers, long managers,
                                 long recordings) {

    public static SchoolOverviewView of(SchoolOverview o) {
        return new SchoolOverviewView(o.school().id(), o.school().name(), o.school().createdAt(),
                o.counts().teachers(), o.counts().managers(), o.counts().recordings());
    }
}
