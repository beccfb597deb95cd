package org.classreflect.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the house: core <- adapters (one per technology) <- sdk <- app-javalin, app-worker. The two
 * apps never depend on each other: neither module is on the other's class path.
 */
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
    void adaptersNeverDependOnEachOther() {
        slices().matching("org.classreflect.adapters.(*)..").should().notDependOnEachOther().check(production);
    }

    @Test
    void adaptersDependOnNeitherTheSdkNorAnApplication() {
        noClasses().that().resideInAPackage("org.classreflect.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classreflect.sdk..", "org.classreflect.api..",
                        "org.classreflect.worker..")
                .check(production);
    }

    @Test
    void theSdkDependsOnNoApplication() {
        noClasses().that().resideInAPackage("org.classreflect.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classreflect.api..", "org.classreflect.worker..")
                .check(production);
    }

    @Test
    void routesWorkThroughUseCasesNeverStraightOnAPort() {
        noClasses().that().resideInAnyPackage("org.classreflect.api.routes..", "org.classreflect.api.openai..",
                        "org.classreflect.api.http..")
                .should().dependOnClassesThat(AdapterPorts.PORT).check(production);
    }
}
