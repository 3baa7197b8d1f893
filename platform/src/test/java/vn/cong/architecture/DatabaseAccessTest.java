package vn.cong.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The tenant is in the type: only {@code tenancy} opens connections (R2DBC pool or JDBC) and makes the
 * transaction objects ({@code TenantTx}, {@code PlatformTx}, {@code TenantRows}) everything else is handed,
 * and no feature holds a bare R2DBC {@code Connection}, which says nothing of whose schema it is on.
 */
class DatabaseAccessTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cong");

    @Test
    void onlyTenancyOpensConnections() {
        noClasses().that().resideOutsideOfPackage("vn.cong.tenancy..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.r2dbc.spi.ConnectionFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.r2dbc.pool.ConnectionPool")
                .check(MAIN);
    }

    @Test
    void onlyTenancyMakesTransactions() {
        noClasses().that().resideOutsideOfPackage("vn.cong.tenancy..")
                .should().callConstructorWhere(DescribedPredicate.describe("a transaction type of tenancy",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo("vn.cong.tenancy.Transaction")
                                || call.getTargetOwner().isEquivalentTo(vn.cong.tenancy.TenantRows.class)))
                .check(MAIN);
    }

    @Test
    void noFeatureHoldsABareConnection() {
        noClasses().that().resideOutsideOfPackages("vn.cong.tenancy..", "vn.cong.system..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.r2dbc.spi.Connection")
                .check(MAIN);
    }
}
