package org.classreflect.core.common;

import java.util.UUID;

/** Identifiers are random UUIDs: they reveal nothing and never collide across schools or regions. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
