package org.classreflect.core.template;

import jakarta.inject.Inject;

/** Puts the starter templates in place as global templates; run at every start, it adds only what is missing. */
public final class SeedStarterTemplates {

    private final Templates templates;

    @Inject
    public SeedStarterTemplates(Templates templates) {
        this.templates = templates;
    }

    /** Returns how many templates it stored. */
    public int execute() {
        int stored = 0;
        for (Template t : StarterTemplates.ALL) {
            if (templates.find(t.id(), t.version()).isEmpty()) {
                try {
                    templates.insert(t);
                    stored++;
                } catch (RuntimeException e) {
                    if (templates.find(t.id(), t.version()).isEmpty()) {
                        throw e;
                    } // else another process seeded it at the same moment
                }
            }
        }
        return stored;
    }
}
