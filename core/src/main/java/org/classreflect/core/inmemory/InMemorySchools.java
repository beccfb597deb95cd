package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;

/** Schools in memory: ids, names and external ids unique, listed by name. */
final class InMemorySchools implements Schools {

    private static final Comparator<School> BY_NAME = Comparator.comparing(School::name, BinaryCollation.ORDER)
            .thenComparing(School::id, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final Map<String, School> byId = new HashMap<>();

    InMemorySchools(StoreLock lock) {
        this.lock = lock;
    }

    @Override
    public void insert(School school) {
        lock.write(() -> {
            require(!byId.containsKey(school.id()), "schools: id " + school.id() + " is taken");
            requireFreeName(school.name());
            require(school.externalId() == null || byId.values().stream()
                    .noneMatch(s -> school.externalId().equals(s.externalId())),
                    "schools: external id " + school.externalId() + " is taken");
            byId.put(school.id(), new School(school.id(), school.name(), Millis.of(school.createdAt()),
                    school.externalId()));
        });
    }

    @Override
    public Optional<School> find(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<School> findByName(String name) {
        return lock.read(() -> byId.values().stream().filter(s -> s.name().equals(name)).findFirst());
    }

    @Override
    public Optional<School> findByExternalId(String externalId) {
        return lock.read(() -> byId.values().stream()
                .filter(s -> s.externalId() != null && s.externalId().equals(externalId)).findFirst());
    }

    @Override
    public List<School> list() {
        return lock.read(() -> byId.values().stream().sorted(BY_NAME).toList());
    }

    @Override
    public boolean rename(String id, String name) {
        return lock.write(() -> {
            School school = byId.get(id);
            if (school == null) {
                return false;
            }
            if (!school.name().equals(name)) {
                requireFreeName(name);
            }
            byId.put(id, new School(id, name, school.createdAt(), school.externalId()));
            return true;
        });
    }

    /** The caller holds the lock. */
    boolean has(String id) {
        return byId.containsKey(id);
    }

    private void requireFreeName(String name) {
        require(byId.values().stream().noneMatch(s -> s.name().equals(name)), "schools: name " + name + " is taken");
    }

    /** The caller holds the lock. */
    void remove(String id) {
        byId.remove(id);
    }
}
