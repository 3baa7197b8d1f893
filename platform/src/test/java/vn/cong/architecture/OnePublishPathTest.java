package vn.cong.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A change the public sees is announced one way (tenancy.PublicChanges): nothing else moves a
 * tenant's content version or the shared registry version, so no call site can forget half of it.
 */
class OnePublishPathTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cong");
    private static final Path SOURCES = Path.of("src/main/java/vn/cong");

    @Test
    void onlyThePublishPrimitiveUsesTheContentVersion() {
        noClasses().that().doNotHaveFullyQualifiedName("vn.cong.tenancy.PublicChange")
                .and().doNotHaveFullyQualifiedName("vn.cong.tenancy.ContentVersion")
                .should().accessClassesThat().haveFullyQualifiedName("vn.cong.tenancy.ContentVersion")
                .check(MAIN);
    }

    @Test
    void noOtherSqlWritesTheContentVersion() throws IOException {
        assertEquals(List.of("tenancy/ContentVersion.java"), filesMatching(Pattern.compile("content_version\\s*=")));
    }

    @Test
    void noOtherSqlMovesTheRegistryVersion() throws IOException {
        assertEquals(List.of("tenancy/PublicChanges.java"), filesMatching(Pattern.compile("UPDATE\\s+platform\\.registry_version")));
    }

    private static List<String> filesMatching(Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return pattern.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
