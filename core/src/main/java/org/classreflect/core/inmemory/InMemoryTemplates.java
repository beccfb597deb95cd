package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;

/**
 * Every version of every template, in memory. Deleting marks each stored version deleted; a version inserted later
 * starts undeleted, so the template is listed again (as in SQL, where each version is a row with its own flag).
 */
final class InMemoryTemplates implements Templates {

    private static final Comparator<Template> BY_NAME = Comparator.comparing(Template::name, BinaryCollation.ORDER)
            .thenComparing(Template::id, BinaryCollation.ORDER);
    private static final BinaryOperator<Version> NEWER = (a, b) ->
            a.template().version() >= b.template().version() ? a : b;

    private record Key(String id, int version) {
    }

    private record Version(Template template, boolean deleted) {
    }

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final Map<Key, Version> versions = new HashMap<>();

    InMemoryTemplates(StoreLock lock, InMemorySchools schools) {
        this.lock = lock;
        this.schools = schools;
    }

    @Override
    public void insert(Template template) {
        lock.write(() -> {
            Key key = new Key(template.id(), template.version());
            require(template.id() != null && template.name() != null, "analysis_templates: id and name are required");
            require(!versions.containsKey(key), "analysis_templates: " + key + " exists");
            require(template.schoolId() == null || schools.has(template.schoolId()),
                    "analysis_templates: no school " + template.schoolId());
            versions.put(key, new Version(template, false));
        });
    }

    @Override
    public Optional<Template> latest(String id) {
        return lock.read(() -> newestOfEach().filter(t -> t.id().equals(id)).findFirst());
    }

    @Override
    public Optional<Template> find(String id, int version) {
        return lock.read(() -> Optional.ofNullable(versions.get(new Key(id, version))).map(Version::template));
    }

    @Override
    public List<Template> listUsableBy(String schoolId) {
        return lock.read(() -> newestOfEach().filter(t -> t.isGlobal() || t.schoolId().equals(schoolId))
                .sorted(BY_NAME).toList());
    }

    @Override
    public List<Template> listAll() {
        return lock.read(() -> newestOfEach().sorted(BY_NAME).toList());
    }

    @Override
    public boolean delete(String id) {
        return lock.write(() -> {
            boolean found = false;
            for (Map.Entry<Key, Version> e : versions.entrySet()) {
                if (e.getKey().id().equals(id) && !e.getValue().deleted()) {
                    e.setValue(new Version(e.getValue().template(), true));
                    found = true;
                }
            }
            return found;
        });
    }

    /** The caller holds the lock. */
    boolean has(String id, int version) {
        return versions.containsKey(new Key(id, version));
    }

    /** The newest version of each template, unless that version is deleted. */
    private Stream<Template> newestOfEach() {
        return versions.values().stream()
                .collect(Collectors.toMap(v -> v.template().id(), v -> v, NEWER))
                .values().stream().filter(v -> !v.deleted()).map(Version::template);
    }

    /** Every version of the school's own templates; the caller holds the lock. */
    void removeSchool(String schoolId) {
        versions.values().removeIf(v -> schoolId.equals(v.template().schoolId()));
    }
}
