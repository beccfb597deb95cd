package org.classreflect.testfixtures.builders;

import org.classreflect.core.school.School;

public final class ASchool {

    private ASchool() {
    }

    public static School named(String id, String name) {
        return new School(id, name, Times.T0, null);
    }
}
