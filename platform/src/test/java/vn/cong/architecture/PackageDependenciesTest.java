package vn.cong.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which room of the house may use which: {@code system} and {@code tenancy} are the foundation, {@code web}
 * (the web kit every front end shares) sits on them, the features sit on those, and no two top-level
 * packages depend on each other in a circle.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cong");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("vn.cong.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void tenancyDependsOnNoFeature() {
        noClasses().that().resideInAPackage("vn.cong.tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "vn.cong.accounts..", "vn.cong.content..", "vn.cong.site..", "vn.cong.onboarding..",
                        "vn.cong.admin..", "vn.cong.ops..", "vn.cong.workflow..", "vn.cong.themes..", "vn.cong.media..", "vn.cong.api..",
                        "vn.cong.console..", "vn.cong.web..")
                .check(MAIN);
    }

    @Test
    void theWebKitDependsOnNoFeature() {
        // only on the foundation: what it needs from a front end comes through a small interface it owns
        noClasses().that().resideInAPackage("vn.cong.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "vn.cong.accounts..", "vn.cong.content..", "vn.cong.site..", "vn.cong.onboarding..",
                        "vn.cong.admin..", "vn.cong.ops..", "vn.cong.workflow..", "vn.cong.themes..", "vn.cong.media..", "vn.cong.api..",
                        "vn.cong.console..")
                .check(MAIN);
    }

    @Test
    void frontEndsDoNotReachIntoTheStaffArea() {
        // what the public site, the APIs, operations and the console share with the staff area lives in vn.cong.web
        noClasses().that().resideInAnyPackage("vn.cong.site..", "vn.cong.ops..", "vn.cong.api..", "vn.cong.console..",
                        "vn.cong.onboarding..")
                .should().dependOnClassesThat().resideInAPackage("vn.cong.admin..")
                .check(MAIN);
    }

    @Test
    void accountsAndContentDoNotDependOnPagesOrOperations() {
        noClasses().that().resideInAnyPackage("vn.cong.accounts..", "vn.cong.content..", "vn.cong.media..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.site..", "vn.cong.admin..", "vn.cong.ops..",
                        "vn.cong.onboarding..", "vn.cong.web..")
                .check(MAIN);
    }

    @Test
    void workflowDependsOnContentAndAccountsButNotOnPagesOrOperations() {
        noClasses().that().resideInAPackage("vn.cong.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.site..", "vn.cong.admin..", "vn.cong.ops..",
                        "vn.cong.onboarding..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("vn.cong.content..", "vn.cong.accounts..")
                .should().dependOnClassesThat().resideInAPackage("vn.cong.workflow..")
                .check(MAIN);
    }

    @Test
    void publicPagesOfContentKindsDoNotDependOnTheStaffArea() {
        noClasses().that().resideInAPackage("vn.cong.site.kinds..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.admin..", "vn.cong.accounts..", "vn.cong.ops..")
                .check(MAIN);
    }

    @Test
    void theTenantApiIsAnEdgeThatOnlyTheStaffAreaUses() {
        noClasses().that().resideInAnyPackage("vn.cong.workflow..", "vn.cong.content..", "vn.cong.accounts..", "vn.cong.site..",
                        "vn.cong.ops..", "vn.cong.onboarding..")
                .should().dependOnClassesThat().resideInAPackage("vn.cong.api..")
                .check(MAIN);
    }

    @Test
    void themesDoNotDependOnPagesOrTheStaffArea() {
        // site renders themes and admin edits them, never the other way round
        noClasses().that().resideInAPackage("vn.cong.themes..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.site..", "vn.cong.admin..", "vn.cong.ops..",
                        "vn.cong.onboarding..")
                .check(MAIN);
    }

    @Test
    void contentKindsUseOnlyTheSharedContentPackagesAndAttachments() {
        noClasses().that().resideInAnyPackage("vn.cong.content.documents..", "vn.cong.content.consultations..",
                        "vn.cong.content.procedures..", "vn.cong.content.about..", "vn.cong.content.attachments..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.site..", "vn.cong.admin..", "vn.cong.accounts..",
                        "vn.cong.ops..", "vn.cong.workflow..")
                .check(MAIN);
    }

    @Test
    void systemHelpersDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("vn.cong.system..")
                .should().dependOnClassesThat(resideInAPackage("vn.cong..").and(not(resideInAPackage("vn.cong.system.."))))
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheOperatorConsole() {
        noClasses().that().resideOutsideOfPackage("vn.cong.console..")
                .should().dependOnClassesThat().resideInAPackage("vn.cong.console..")
                .check(MAIN);
    }

    @Test
    void theMailServiceDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("vn.cong.system.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.cong.tenancy..", "vn.cong.accounts..", "vn.cong.content..",
                        "vn.cong.site..", "vn.cong.onboarding..", "vn.cong.ops..", "vn.cong.admin..", "vn.cong.workflow..", "vn.cong.console..")
                .check(MAIN);
    }
}
