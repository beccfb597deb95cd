package org.classreflect.core.system;

/** Port: where the system-wide choices are kept (one set for the whole deployment). */
public interface SystemChoicesStore {

    /** The stored choices, or {@link SystemChoices#NONE} when nothing was ever chosen. */
    SystemChoices find();

    void save(SystemChoices choices);
}
