package org.classreflect.core.school;

import java.util.List;
import java.util.Optional;

/** Port: where schools are kept. */
public interface Schools {

    void insert(School school);

    Optional<School> find(String id);

    Optional<School> findByName(String name);

    /** The school an embedding host knows by this id of its own; external ids are unique among schools. */
    Optional<School> findByExternalId(String externalId);

    List<School> list();

    /** Gives the school another name; false when there is no such school. Names stay unique. */
    boolean rename(String id, String name);
}
