package org.classreflect.core.school;

import java.util.Arrays;
import java.util.Optional;

public enum Role {
    TEACHER("teacher"),
    SCHOOL_MANAGER("school_manager"),
    SUPER_ADMIN("super_admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
