package vn.cong.onboarding;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cong.accounts.PasswordHasher;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator command end to end, as {@code java -jar cong-platform.jar onboard …} runs it: its own
 * application context, configured like the server. Micronaut reads system properties as a property
 * source, so this class's database and Redis prefix are handed over that way (and removed after).
 */
class CongCommandTest extends PlatformTestSupport {

    @TempDir
    Path manifests;

    private final JsonMapper json = JsonMapper.createDefault();

    @BeforeAll
    void pointCommandAtTestDatabase() {
        getProperties().forEach(System::setProperty);
    }

    @AfterAll
    void forgetTestDatabase() {
        getProperties().keySet().forEach(System::clearProperty);
    }

    private record Run(int exitCode, String out, String err) {
        List<Map<String, Object>> reports(JsonMapper json) {
            return out.lines().filter(l -> l.startsWith("{")).map(l -> {
                try {
                    return json.readValue(l, Argument.mapOf(String.class, Object.class));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON report: " + l, e);
                }
            }).toList();
        }
    }

    private static Run run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CongCommand.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    @Test
    void onboardsAFolderPrintsJsonReportsAndIsIdempotent() throws IOException, SQLException {
        Path folder = Files.createDirectories(manifests.resolve("ok"));
        Files.writeString(folder.resolve("alpha.yaml"), TestTenants.read("manifests/alpha.yaml"));
        Files.writeString(folder.resolve("bo.yaml"), TestTenants.read("manifests/ministry.yaml"));

        Run first = run("onboard", folder.toString());
        assertEquals(0, first.exitCode(), first.err());
        List<Map<String, Object>> reports = first.reports(json);
        assertEquals(List.of("bo", "alpha"), reports.stream().map(r -> r.get("code")).toList(), "parents first: " + first.out());
        reports.forEach(r -> assertEquals(true, r.get("created")));
        assertEquals(2, count("SELECT count(*) FROM platform.tenants"));
        assertEquals(1, count("SELECT count(*) FROM t_alpha.accounts"));

        Run second = run("onboard", folder.toString());
        assertEquals(0, second.exitCode());
        for (Map<String, Object> report : second.reports(json)) {
            assertEquals(false, report.get("created"));
            assertEquals(List.of(), report.get("updated"));
        }
    }

    @Test
    void refusedManifestExitsWithOneAndPrintsEveryError() throws IOException {
        Path bad = manifests.resolve("hong.yaml");
        Files.writeString(bad, """
                code: Hong
                name: {vi: Thiếu tiếng Anh}
                abbreviation: "-sai-"
                admin: {username: quantri, email: khong-phai-email}
                """);
        Run run = run("onboard", bad.toString());
        assertEquals(1, run.exitCode());
        Map<String, Object> report = run.reports(json).get(0);
        assertFalse(((List<?>) report.get("errors")).isEmpty());
        for (String field : List.of("code", "name.en", "abbreviation", "admin.email")) {
            assertTrue(run.err().contains(field + ": "), field + " not printed: " + run.err());
        }
    }

    @Test
    void missingManifestIsAUsageError() {
        Run run = run("onboard", manifests.resolve("khong-co.yaml").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("khong-co.yaml"));
    }

    @Test
    void hashPasswordPrintsAnArgon2idHashOfTheGivenPassword() {
        Run run = run(new ByteArrayInputStream("MatKhauVanHanh2026!\n".getBytes(StandardCharsets.UTF_8)), "hash-password");
        assertEquals(0, run.exitCode(), run.err());
        String hash = run.out().strip();
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(new PasswordHasher().matches("MatKhauVanHanh2026!", hash));
        assertEquals(1, run(new ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8)), "hash-password").exitCode());
    }

    private long count(String sql) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
