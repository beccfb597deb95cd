package org.classreflect.core.inmemory;

import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SystemChoices;
import org.classreflect.core.system.SystemChoicesStore;

/** The system-wide choices in memory. As in SQL, a rubric choice without a provider is kept as none at all. */
final class InMemorySystemChoices implements SystemChoicesStore {

    private final StoreLock lock;
    private SystemChoices choices = SystemChoices.NONE;

    InMemorySystemChoices(StoreLock lock) {
        this.lock = lock;
    }

    @Override
    public SystemChoices find() {
        return lock.read(() -> choices);
    }

    @Override
    public void save(SystemChoices c) {
        RubricChoice rubric = c.rubric() == null || c.rubric().provider() == null ? null : c.rubric();
        SystemChoices stored = new SystemChoices(c.transcriptionModel(), rubric, Millis.of(c.updatedAt()),
                c.updatedBy());
        lock.write(() -> choices = stored);
    }
}
