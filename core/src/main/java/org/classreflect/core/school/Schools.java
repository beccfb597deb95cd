package org.classreflect.core.school;

import java.util.List;
import java.util.Optional;

/** Port: where schools are kept. */
public interface Schools {

    void insert(School school);

    Optional<School> find(String id);

    Optional<School> findByName(String name);

    List<School> list();
}
