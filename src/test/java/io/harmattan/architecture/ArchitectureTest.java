package io.harmattan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of the README's "Where things are", as rules: features depend on each other in
 * one direction only, the shared layers know no feature, and the matcher knows nothing of the app.
 */
class ArchitectureTest {

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harmattan");
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.harmattan.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void theMatcherImportsNothingOfTheApp() {
        noClasses().that().resideInAPackage("io.harmattan.matching..").should().dependOnClassesThat(
                appOutside("io.harmattan.matching..")).check(app);
    }

    @Test
    void sharedLayersImportNoFeature() {
        String[] shared = {"io.harmattan", "io.harmattan.web..", "io.harmattan.security..", "io.harmattan.mail..",
                "io.harmattan.persistence.."};
        noClasses().that().resideInAnyPackage(shared).should().dependOnClassesThat(appOutside(shared)).check(app);
    }

    /** Classes of the app outside the given packages. */
    private static DescribedPredicate<JavaClass> appOutside(String... packages) {
        return JavaClass.Predicates.resideInAPackage("io.harmattan..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(packages)));
    }

    @Test
    void intakeCreatesLeadsTriageWorksThemAndNeitherKnowsTheOther() {
        noClasses().that().resideInAPackage("io.harmattan.intake..").should().dependOnClassesThat()
                .resideInAPackage("io.harmattan.triage..").check(app);
        noClasses().that().resideInAPackage("io.harmattan.triage..").should().dependOnClassesThat()
                .resideInAPackage("io.harmattan.intake..").check(app);
        noClasses().that().resideInAPackage("io.harmattan.lead..").should().dependOnClassesThat()
                .resideInAnyPackage("io.harmattan.intake..", "io.harmattan.triage..").check(app);
    }
}
