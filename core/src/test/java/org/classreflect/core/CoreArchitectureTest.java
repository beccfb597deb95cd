package org.classreflect.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walls inside core: its packages depend on each other in one direction only, and on nothing but the platform. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.classreflect.core");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("org.classreflect.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void coreUsesOnlyTheJavaPlatformAndJakartaInject() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.inject..", "org.classreflect.core..")
                .check(core);
    }
}
