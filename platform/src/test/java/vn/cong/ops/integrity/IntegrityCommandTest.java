package vn.cong.ops.integrity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.CongCommand;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar cong-platform.jar integrity [tenant]} end to end, with its own application context
 * configured like the server (this class's database is handed over as system properties).
 */
class IntegrityCommandTest extends PlatformTestSupport {

    private Path manifests;

    @BeforeAll
    void onboardWithTheCommand() throws IOException {
        getProperties().forEach(System::setProperty);
        manifests = Files.createTempDirectory("integrity-command");
        Files.writeString(manifests.resolve("bo.yaml"), TestTenants.read("manifests/ministry.yaml"));
        Files.writeString(manifests.resolve("alpha.yaml"), TestTenants.read("manifests/alpha.yaml"));
        Files.writeString(manifests.resolve("beta.yaml"), TestTenants.read("manifests/beta.yaml"));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(0, CongCommand.run(new String[]{"onboard", manifests.toString()}, InputStream.nullInputStream(), out, out));
    }

    @AfterAll
    void forgetTestDatabase() {
        getProperties().keySet().forEach(System::clearProperty);
        vn.cong.system.Folders.deleteTree(manifests);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run integrity(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IntegrityCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsChangesMadeOutsideTheWorkflowWithExitCodeOne() throws SQLException {
        Run clean = integrity("integrity", "beta");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertTrue(clean.out().contains("không có thay đổi nào ngoài quy trình"), clean.out());

        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.content_items SET summary = 'Tóm tắt sửa lén' WHERE slug = 'chuyen-doi-so-2026'");
        }
        Run found = integrity("integrity");
        assertEquals(1, found.exitCode(), found.out() + found.err());
        assertTrue(found.out().contains("[alpha] content_changed"), found.out());
        assertTrue(found.out().contains("trước: «Tóm tắt của Cục Alpha.»") && found.out().contains("nay:   «Tóm tắt sửa lén»"), found.out());
        assertTrue(found.out().contains("Đã kiểm tra 3 cổng"), found.out());
        assertTrue(!found.out().contains("[beta]") && !found.out().contains("[bo]"), found.out());
    }

    @Test
    void unknownTenantIsAUsageError() {
        Run run = integrity("integrity", "khong-co");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("khong-co"), run.err());
    }
}
