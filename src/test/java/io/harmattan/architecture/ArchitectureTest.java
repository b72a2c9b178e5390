package io.harmattan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.qute.CheckedTemplate;
import jakarta.persistence.Entity;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of the README's "Where things are", as rules: features depend on each other in
 * one direction only, the shared layers know no feature, the matcher knows nothing of the app, and
 * what a template shows is records, never entities.
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

    /** Every type a checked template takes, and every record reachable from one, holds no entity. */
    @Test
    void templatesGetRecordsNeverEntities() {
        classes().that().areAnnotatedWith(CheckedTemplate.class)
                .should(takeNoEntity()).check(app);
    }

    private static ArchCondition<JavaClass> takeNoEntity() {
        return new ArchCondition<>("take no entity, directly or inside a record") {
            @Override
            public void check(JavaClass templates, ConditionEvents events) {
                templates.getMethods().stream().filter(m -> m.getModifiers().contains(JavaModifier.NATIVE))
                        .forEach(method -> method.getParameters().forEach(parameter -> visit(parameter.getType(),
                                templates.getName() + "." + method.getName(), new HashSet<>(), events)));
            }
        };
    }

    private static void visit(JavaType type, String path, Set<String> seen, ConditionEvents events) {
        type.getAllInvolvedRawTypes().forEach(raw -> {
            if (!raw.getName().startsWith("io.harmattan") || !seen.add(raw.getName())) {
                return;
            }
            if (raw.isAnnotatedWith(Entity.class)) {
                events.add(SimpleConditionEvent.violated(raw, path + " reaches entity " + raw.getName()));
                return;
            }
            if (raw.isRecord()) {
                for (JavaField field : raw.getFields()) {
                    if (!field.getModifiers().contains(JavaModifier.STATIC)) {
                        visit(field.getType(), path + " > " + raw.getSimpleName() + "." + field.getName(), seen, events);
                    }
                }
            }
        });
    }
}
