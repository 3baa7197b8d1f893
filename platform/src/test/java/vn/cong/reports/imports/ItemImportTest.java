package vn.cong.reports.imports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.content.classification.Topics;
import vn.cong.engagement.Units;
import vn.cong.reports.contribution.ContributionReports;
import vn.cong.reports.contribution.Period;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import of history: every row error listed, nothing half-imported, JSON lines too, through the CLI and the operator API. */
@MicronautTest(transactional = false)
class ItemImportTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD).getBytes(StandardCharsets.UTF_8)), "Content-Type", "text/csv");

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    ItemImport imports;
    @Inject
    Units units;
    @Inject
    Topics topics;
    @Inject
    ContributionReports reports;
    @Inject
    JsonMapper json;

    TwoPortals portals;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void portalsWithUnits() {
        portals = TwoPortals.onboard(context);
        units.declare(portals.alpha(), List.of(new Units.Declared("Phòng Kế hoạch", null, null, null, null, true, false))).block();
        topics.declare(portals.alpha(), List.of("Chuyển đổi số", "Các chủ đề khác")).block();
    }

    private long items(String schema, String externalIdPrefix) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT count(*) FROM " + schema + ".content_items WHERE external_id LIKE ?")) {
            s.setString(1, externalIdPrefix + "%");
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aBadRowRefusesTheWholeFileAndEveryProblemIsListed() throws SQLException {
        String file = """
                external_id,title,unit,section,topic,origin,genre,submitted_at,state,published_at,reason
                bad-1,Tin đúng,Phòng Kế hoạch,tin-hoat-dong,Chuyển đổi số,supplied,news,2018-03-02,published,,
                bad-2,Tin sai đơn vị,Phòng Không Có,Tin hoạt động,,supplied,,2018-03-02,published,,
                bad-3,,,,Chủ đề lạ,,tin,32/13/2018,rejected,2018-03-04,
                bad-1,Trùng mã,,,,found,,2018-03-02,published,,
                """;
        ImportResult result = imports.importItems(portals.alpha(), file, "test").block();
        assertTrue(!result.ok());
        assertEquals(0, result.imported());
        List<String> errors = result.errors().stream().map(e -> e.line() + ":" + e.field()).toList();
        assertEquals(List.of("3:unit", "4:title", "4:origin", "4:genre", "4:topic", "4:submitted_at", "4:reason", "4:published_at", "5:external_id"),
                errors);
        assertTrue(result.errors().get(0).message().contains("Không có đơn vị «Phòng Không Có»"), result.errors().toString());
        assertEquals(0, items("t_alpha", "bad-"), "not even the good row was written");
    }

    @Test
    void jsonLinesImportLikeCsvAndKeepTheirClassification() {
        String file = """
                {"external_id": "jl-1", "title": "Số hoá hồ sơ", "unit": "phòng  kế hoạch", "topic": "chuyển đổi số", "origin": "supplied", "genre": "analysis", "submitted_at": "2019-05-02T10:00:00+07:00", "state": "published"}
                {"external_id": "jl-2", "title": "Tin tự khai thác", "origin": "found", "submitted_at": "2019-05-03", "state": "published", "section": "tin-hoat-dong"}
                {"external_id": "jl-3", "title": "Tin trùng", "unit": "Phòng Kế hoạch", "origin": "supplied", "submitted_at": "2019-05-04", "state": "rejected", "reason": "duplicate"}
                """;
        ImportResult result = imports.importItems(portals.alpha(), file, "test").block();
        assertTrue(result.ok(), result.errors().toString());
        assertEquals(3, result.imported());
        var report = reports.report(portals.alpha(), Period.month(2019, 5)).block();
        assertEquals(3, report.total());
        assertEquals(2, report.supplied());
        var plan = report.units().get(0);
        assertEquals("Phòng Kế hoạch", plan.name());
        assertEquals(2, plan.total());
        assertEquals(1, plan.analyses());
        assertEquals("Trùng lặp nội dung đã đăng tải", report.rejectedItems().get(0).reason());
        assertEquals(1, report.topics().stream().filter(t -> t.name().equals("Chuyển đổi số")).findFirst().orElseThrow().items());
    }

    @Test
    void theOperatorApiImportsOnTheOperatorHostOnly() throws IOException {
        String file = "external_id,title,origin,submitted_at,state\napi-1,Tin qua API,found,2020-01-02,published\n";
        Browser operator = new Browser(server.getPort(), "admin.most.localhost");
        HttpResponse<String> done = operator.postJson("/api/v1/tenants/alpha/items/import", file, OPERATOR);
        assertEquals(200, done.statusCode(), done.body());
        Map<String, Object> body = json.readValue(done.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((Number) body.get("imported")).intValue());

        HttpResponse<String> refused = operator.postJson("/api/v1/tenants/alpha/items/import",
                "external_id,title,origin,submitted_at,state\napi-2,Thiếu trạng thái,found,2020-01-02,\n", OPERATOR);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"line\":2") && refused.body().contains("\"field\":\"state\""), refused.body());

        assertEquals(404, operator.postJson("/api/v1/tenants/khong-co/items/import", file, OPERATOR).statusCode());
        assertEquals(404, new Browser(server.getPort(), TwoPortals.ALPHA_HOST).postJson("/api/v1/tenants/alpha/items/import", file, OPERATOR)
                .statusCode(), "not on a tenant's host");
        assertEquals(401, operator.postJson("/api/v1/tenants/alpha/items/import", file, Map.of("Content-Type", "text/csv")).statusCode());
    }

    /** When PostgreSQL last analysed {@code schema}'s content_items (null: never). */
    private java.sql.Timestamp analysedAt(String schema) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = ? AND relname = 'content_items'")) {
            s.setString(1, schema);
            var r = s.executeQuery();
            r.next();
            return r.getTimestamp(1);
        }
    }

    @Test
    void anImportTakesThePlannersStatisticsOfItsPortalOnly() throws SQLException {
        java.sql.Timestamp betaBefore = analysedAt("t_beta");
        java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        String file = "external_id,title,unit,origin,submitted_at,state\nstat-1,Tin thống kê,Phòng Kế hoạch,supplied,2021-05-02,published\n";
        assertTrue(imports.importItems(portals.alpha(), file, "test").block().ok());
        java.sql.Timestamp alpha = analysedAt("t_alpha");
        assertTrue(alpha != null && alpha.after(started), "alpha's tables analysed after its import: " + alpha);
        assertEquals(betaBefore, analysedAt("t_beta"), "beta's tables untouched");
    }

    @Test
    void anImportOnOnePortalNeverReachesAnother() throws SQLException {
        String file = "external_id,title,unit,origin,submitted_at,state\niso-1,Tin của Alpha,Phòng Kế hoạch,supplied,2021-04-02,published\n";
        ImportResult onBeta = imports.importItems(portals.beta(), file, "test").block();
        assertEquals(List.of("2:unit"), onBeta.errors().stream().map(e -> e.line() + ":" + e.field()).toList(),
                "beta has no unit of alpha's");
        assertTrue(imports.importItems(portals.alpha(), file, "test").block().ok());
        assertEquals(1, items("t_alpha", "iso-"));
        assertEquals(0, items("t_beta", "iso-"));
        assertEquals(0, reports.report(portals.beta(), Period.month(2021, 4)).block().total());
    }

    @Test
    void theCommandImportsAFileAndExitsOneOnABadRow() throws IOException, SQLException {
        getProperties().forEach(System::setProperty);
        Path dir = Files.createTempDirectory("import-items");
        try {
            Path good = Files.writeString(dir.resolve("good.csv"), "external_id,title,origin,submitted_at,state\ncli-1,Tin dòng lệnh,found,2022-02-02,published\n");
            Path bad = Files.writeString(dir.resolve("bad.csv"), "external_id,title,origin,submitted_at,state\ncli-2,Tin,found,hôm qua,published\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            assertEquals(0, ImportItemsCommand.run(new String[]{"import-items", "alpha", good.toString()}, o, e), err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"imported\":1"), out.toString(StandardCharsets.UTF_8));
            assertEquals(1, ImportItemsCommand.run(new String[]{"import-items", "alpha", bad.toString()}, o, e));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("dòng 2, cột «submitted_at»"), err.toString(StandardCharsets.UTF_8));
            assertEquals(2, ImportItemsCommand.run(new String[]{"import-items", "khong-co", good.toString()}, o, e));
            assertEquals(1, items("t_alpha", "cli-"));
        } finally {
            getProperties().keySet().forEach(System::clearProperty);
            vn.cong.system.Folders.deleteTree(dir);
        }
    }
}
