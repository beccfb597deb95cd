package org.classreflect.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** The core's ports: its interfaces that an adapter implements (outside the core, or in its in-memory adapters). */
final class AdapterPorts {

    static final DescribedPredicate<JavaClass> PORT = DescribedPredicate.describe("a port of the core",
            c -> c.isInterface() && c.getPackageName().startsWith("org.classreflect.core.")
                    && c.getAllSubclasses().stream().anyMatch(AdapterPorts::isAdapter));

    private AdapterPorts() {
    }

    private static boolean isAdapter(JavaClass implementation) {
        String pkg = implementation.getPackageName();
        return !pkg.startsWith("org.classreflect.core.") || pkg.startsWith("org.classreflect.core.inmemory");
    }
}
