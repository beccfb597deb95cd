package org.classreflect.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of the house: core <- adapters-local, adapters-aws <- app-worker <- app-javalin. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.classreflect");
    }

    @Test
    void coreUsesOnlyTheJavaPlatformAndJakartaInject() {
        // Dagger writes factories for core's @Inject classes into the apps, under core's package names.
        classes().that().resideInAPackage("org.classreflect.core..")
                .and().areNotAnnotatedWith("dagger.internal.DaggerGenerated")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.inject..",
                        "org.classreflect.core..")
                .check(production);
    }

    @Test
    void theTwoAdapterModulesNeverDependOnEachOther() {
        noClasses().that().resideInAPackage("org.classreflect.adapters.local..")
                .should().dependOnClassesThat().resideInAPackage("org.classreflect.adapters.aws..")
                .check(production);
        noClasses().that().resideInAPackage("org.classreflect.adapters.aws..")
                .should().dependOnClassesThat().resideInAPackage("org.classreflect.adapters.local..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void adaptersDependOnNoApplication() {
        noClasses().that().resideInAPackage("org.classreflect.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classreflect.api..",
                        "org.classreflect.worker..")
                .check(production);
    }

    @Test
    void theWorkerAppDoesNotDependOnTheApiApp() {
        noClasses().that().resideInAPackage("org.classreflect.worker..")
                .should().dependOnClassesThat().resideInAPackage("org.classreflect.api..")
                .check(production);
    }
}
