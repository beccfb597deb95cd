package org.classreflect.core.school;

import java.util.List;
import java.util.Optional;

/** Port: where schools are kept. */
public interface Schools {

    void insert(School school);

    Optional<School> find(String id);

    Optional<School> findByName(String name);

    List<School> list();

    /** Gives the school another name; false when there is no such school. Names stay unique. */
    boolean rename(String id, String name);
}
