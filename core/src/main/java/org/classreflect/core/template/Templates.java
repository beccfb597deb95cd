package org.classreflect.core.template;

import java.util.List;
import java.util.Optional;

/** Port: where templates are kept, every version of them. Ids with versions are unique. */
public interface Templates {

    /** Stores one version; throws when that id and version exist already. */
    void insert(Template template);

    /** The newest version, unless the template was deleted. */
    Optional<Template> latest(String id);

    /** That exact version, deleted or not: what an analysis was scored against. */
    Optional<Template> find(String id, int version);

    /** The newest version of every template not deleted that is global or the school's, by name. */
    List<Template> listUsableBy(String schoolId);

    /** The newest version of every template not deleted, global and every school's, by name. */
    List<Template> listAll();

    /** Marks every version deleted; analyses that used one still find it by version. False when none existed. */
    boolean delete(String id);
}
