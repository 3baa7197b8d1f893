package vn.cong.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Backups on one path: the SQL naming {@code backup_runs} or {@code restore_runs} lives in one store,
 * {@code ops.backup.BackupRuns}, and {@code backup_schedules} in {@code BackupSchedules} (and the overview's
 * join in {@code BackupRuns}). Read from the compiled classes' constants, where every SQL string ends up,
 * text blocks and concatenations included.
 */
class BackupTablesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cong");

    @Test
    void onlyTheStoreNamesTheRunTables() {
        for (String table : List.of("backup_runs", "restore_runs")) {
            assertEquals(Set.of("vn.cong.ops.backup.BackupRuns"), classesNaming(table), "classes whose SQL names " + table);
        }
    }

    @Test
    void onlyTheScheduleStoreAndTheOverviewNameTheSchedules() {
        assertEquals(Set.of("vn.cong.ops.backup.BackupSchedules", "vn.cong.ops.backup.BackupRuns"), classesNaming("backup_schedules"));
    }

    /** The top-level classes (nested ones count for their outer class) with {@code text} among their constants. */
    private static Set<String> classesNaming(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        Set<String> found = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (contains(bytesOf(c), needle)) {
                String name = c.getName();
                int nested = name.indexOf('$', name.lastIndexOf('.') + 2); // Outer$Inner, not Micronaut's $Outer$Definition
                found.add(nested < 0 ? name : name.substring(0, nested));
            }
        }
        return found;
    }

    private static byte[] bytesOf(JavaClass c) {
        try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + c.getName(), e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
