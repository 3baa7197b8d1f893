package vn.cong.ops.integrity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.ops.integrity.IntegrityCheck.Trigger;
import vn.cong.ops.integrity.IntegrityFinding.Kind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.testing.UnitTenants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrity check against real PostgreSQL: changes made by direct SQL (published content, the
 * workflow's event log) are reported, changes made through the workflow are not. Each scenario
 * damages a tenant of its own; {@code bo} and {@code beta} are never damaged.
 */
@MicronautTest(transactional = false)
class IntegrityCheckTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    Publishing publishing;
    @Inject
    TenantRegistry registry;
    @Inject
    IntegrityCheck check;
    @Inject
    IntegrityScheduler scheduler;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        for (String unit : List.of("gamma", "delta", "epsilon", "zeta", "eta", "theta")) {
            UnitTenants.onboard(onboarding, unit);
        }
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private IntegrityRun checkOf(String code) {
        return check.run(Trigger.OPERATOR, code, "kiem-thu").block();
    }

    private static List<IntegrityFinding> ofKind(IntegrityRun run, Kind kind) {
        return run.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    private void sql(String... statements) {
        try (Connection c = jdbc(); var s = c.createStatement()) {
            // the append-only guard is a trigger: someone with the owner's rights switches it off like this
            s.execute("SET session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long number(String query) {
        try (Connection c = jdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sectionOf(String code) {
        return number("SELECT id FROM t_" + code + ".sections WHERE slug = 'tin-hoat-dong'");
    }

    /** Three more workflow events: a draft created, then published, then a published edit. */
    private SavedItem draftPublishAndEdit(String code, String slug) {
        Tenant t = tenant(code);
        Draft draft = Draft.article(sectionOf(code), "vi", slug, "Tin mới của " + code, "Tóm tắt.", "<p>Nội dung mới.</p>", null);
        SavedItem created = publishing.saveDraft(t, draft).block();
        SavedItem published = publishing.publish(t, created.id(), null).block();
        return publishing.saveDraft(t, new Draft(created.id(), published.version(), "article", sectionOf(code), "vi", slug,
                "Tin mới của " + code + " (đã sửa)", "Tóm tắt.", "<p>Nội dung đã sửa qua quy trình.</p>", null, null, null,
                false, null).editing(created.id(), published.version())).block();
    }

    @Test
    void articleChangedByDirectSqlIsReportedWithWhatChanged() {
        sql("""
                UPDATE t_alpha.content_items SET title = 'Tiêu đề bị sửa trái phép',
                    body_html = '<p>Nội dung chỉ của Alpha, thêm một câu trái phép.</p>'
                WHERE slug = 'chuyen-doi-so-2026'""");

        IntegrityRun run = checkOf("alpha");

        assertEquals("findings", run.status());
        IntegrityFinding changed = ofKind(run, Kind.CONTENT_CHANGED).get(0);
        assertEquals("alpha", changed.tenantCode());
        assertTrue(changed.summary().contains("chuyen-doi-so-2026"), changed.summary());
        FieldChange title = changed.changes().stream().filter(c -> c.field().equals("title")).findFirst().orElseThrow();
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", title.before());
        assertEquals("Tiêu đề bị sửa trái phép", title.after());
        FieldChange body = changed.changes().stream().filter(c -> c.field().equals("body_html")).findFirst().orElseThrow();
        assertTrue(body.after().contains("thêm một câu trái phép"), body.after());
        assertEquals(Set.of("title", "body_html"), changed.changes().stream().map(FieldChange::field).collect(Collectors.toSet()),
                "only the fields that changed");
        assertEquals(1, number("SELECT count(*) FROM platform.integrity_findings WHERE run_id = " + run.id()
                + " AND kind = 'content_changed' AND tenant_code = 'alpha'"), "the finding is recorded for the console");
    }

    @Test
    void editsAndPublishingThroughTheWorkflowAreNotReported() {
        Tenant beta = tenant("beta");
        long id = number("SELECT id FROM t_beta.content_items WHERE slug = 'chuyen-doi-so-2026'");
        int version = (int) number("SELECT version FROM t_beta.content_items WHERE id = " + id);
        publishing.saveDraft(beta, new Draft(id, version, "article", sectionOf("beta"), "vi", "chuyen-doi-so-2026",
                "Viện Beta tổng kết chuyển đổi số (cập nhật)", "Tóm tắt mới.", "<p>Nội dung sửa qua quy trình.</p>",
                null, null, "Viện Beta", false, null)).block();
        draftPublishAndEdit("beta", "tin-qua-quy-trinh");

        IntegrityRun run = checkOf("beta");

        assertEquals("clean", run.status(), () -> run.findings().toString());
        assertEquals(2, run.itemsChecked());
        assertTrue(run.eventsChecked() >= 5, "the events were verified too: " + run.eventsChecked());
    }

    @Test
    void itemsMadePublicOrWithdrawnOutsideTheWorkflowAreReported() {
        draftPublishAndEdit("theta", "tin-se-bi-go");
        sql("""
                INSERT INTO t_theta.content_items (section_id, language, slug, title, state, published_at)
                SELECT id, 'vi', 'tin-chen-vao', 'Tin chèn thẳng vào cơ sở dữ liệu', 'published', now()
                FROM t_theta.sections WHERE slug = 'tin-hoat-dong'""",
                "UPDATE t_theta.content_items SET state = 'draft' WHERE slug = 'tin-se-bi-go'");

        IntegrityRun run = checkOf("theta");

        assertTrue(ofKind(run, Kind.CONTENT_UNFINGERPRINTED).get(0).summary().contains("tin-chen-vao"), run.findings().toString());
        assertTrue(ofKind(run, Kind.STATE_CHANGED).get(0).summary().contains("tin-se-bi-go"), run.findings().toString());
    }

    @Test
    void eventChangedByDirectSqlIsNamedByTheChainCheck() {
        draftPublishAndEdit("gamma", "tin-gamma");
        long publishEvent = number("SELECT id FROM t_gamma.content_events WHERE chain_seq = 3");
        sql("UPDATE t_gamma.content_events SET comment = 'Ai đó sửa nhật ký' WHERE chain_seq = 3");

        IntegrityRun run = checkOf("gamma");

        List<IntegrityFinding> altered = ofKind(run, Kind.EVENT_ALTERED);
        assertEquals(1, altered.size(), run.findings().toString());
        assertEquals(publishEvent, altered.get(0).eventId());
        assertEquals(3L, altered.get(0).eventSeq());
        assertTrue(altered.get(0).summary().contains("#3"), altered.get(0).summary());
        assertTrue(ofKind(run, Kind.CONTENT_CHANGED).isEmpty(), "the content itself is intact");
    }

    @Test
    void eventRehashedAfterItsChangeIsStillNamed() {
        draftPublishAndEdit("epsilon", "tin-epsilon");
        sql("UPDATE t_epsilon.content_events SET comment = 'Sửa rồi tính lại mã băm' WHERE chain_seq = 2",
                "UPDATE t_epsilon.content_events e SET hash = t_epsilon.content_event_hash(e.prev_hash, e) WHERE chain_seq = 2");

        IntegrityRun run = checkOf("epsilon");

        List<IntegrityFinding> altered = ofKind(run, Kind.EVENT_ALTERED);
        assertEquals(1, altered.size(), run.findings().toString());
        assertEquals(2L, altered.get(0).eventSeq(), "the successor's link names the rewritten event");
    }

    @Test
    void deletedEventsAreReportedAsMissing() {
        draftPublishAndEdit("delta", "tin-delta");
        assertEquals(4, number("SELECT count(*) FROM t_delta.content_events"));
        sql("DELETE FROM t_delta.content_events WHERE chain_seq IN (2, 4)");

        IntegrityRun run = checkOf("delta");

        List<IntegrityFinding> missing = ofKind(run, Kind.EVENT_MISSING);
        assertEquals(List.of(2L, 4L), missing.stream().map(IntegrityFinding::eventSeq).toList(), run.findings().toString());
        assertTrue(missing.get(0).summary().startsWith("Thiếu sự kiện #2"), missing.get(0).summary());
        assertTrue(ofKind(run, Kind.EVENT_ALTERED).isEmpty(), "a gap is not an alteration: " + run.findings());
    }

    @Test
    void chainRewrittenFromTheStartIsCaughtByTheLastCleanCheck() {
        draftPublishAndEdit("eta", "tin-eta");
        assertEquals("clean", checkOf("eta").status());
        sql("UPDATE t_eta.content_events SET comment = 'Lịch sử viết lại' WHERE chain_seq = 1", """
                DO $$
                DECLARE
                    e    t_eta.content_events;
                    head text := repeat('0', 64);
                BEGIN
                    FOR e IN SELECT * FROM t_eta.content_events ORDER BY chain_seq LOOP
                        UPDATE t_eta.content_events SET prev_hash = head, hash = t_eta.content_event_hash(head, e)
                        WHERE id = e.id RETURNING hash INTO head;
                    END LOOP;
                    UPDATE t_eta.content_event_chain SET hash = head;
                END $$""");

        IntegrityRun run = checkOf("eta");

        assertEquals(List.of(Kind.CHAIN_REWRITTEN), run.findings().stream().map(IntegrityFinding::kind).toList(),
                "every link is consistent again; only the anchor of the last clean check shows it");
    }

    @Test
    void concurrentEventInsertsDoNotForkTheChain() throws Exception {
        Tenant zeta = tenant("zeta");
        long before = number("SELECT count(*) FROM t_zeta.content_events");
        try (Connection first = jdbc(); Connection second = jdbc()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long secondPid = pid(second);
            first.createStatement().execute("INSERT INTO t_zeta.content_events (item_id, to_state, comment) VALUES (999, 'draft', 'một')");
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    second.createStatement().execute("INSERT INTO t_zeta.content_events (item_id, to_state, comment) VALUES (999, 'draft', 'hai')");
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlocked(secondPid);
            first.commit();
            other.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        // and through the workflow, many at once
        Flux.range(0, 12)
                .flatMap(i -> publishing.saveDraft(zeta, Draft.article(sectionOf("zeta"), "vi", "song-song-" + i, "Tin song song " + i,
                        "", "<p>Song song.</p>", null)).subscribeOn(Schedulers.parallel()), 12)
                .collectList().block();

        assertEquals(before + 14, number("SELECT count(*) FROM t_zeta.content_events"));
        assertEquals(before + 14, number("SELECT max(chain_seq) FROM t_zeta.content_events"), "gapless sequence");
        assertEquals(before + 14, number("SELECT count(DISTINCT prev_hash) FROM t_zeta.content_events"), "no two events share a predecessor");
        IntegrityRun run = checkOf("zeta");
        assertEquals("clean", run.status(), () -> run.findings().toString());
    }

    private long pid(Connection c) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls until the backend waits on a lock: the second insert really ran into the first one. */
    private void awaitBlocked(long pid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (number("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid + " AND wait_event_type = 'Lock'") == 1) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second insert never waited for the first");
    }

    @Test
    void findingsNameOnlyTheAlteredTenant() {
        sql("UPDATE t_alpha.content_items SET summary = 'Tóm tắt bị sửa' WHERE slug = 'chuyen-doi-so-2026'");

        IntegrityRun all = check.run(Trigger.OPERATOR, null, "kiem-thu").block();

        Set<String> named = all.findings().stream().map(IntegrityFinding::tenantCode).collect(Collectors.toSet());
        assertTrue(named.contains("alpha"), named.toString());
        assertFalse(named.contains("beta") || named.contains("bo"), "untouched tenants have no findings: " + named);
        assertEquals(registry.all().size(), all.tenantsChecked());
        assertEquals("clean", checkOf("bo").status());
    }

    @Test
    void dailyRunIsRecordedAndRunsOnceWhenTwoNodesRaceForItsSlot() {
        Instant at = OffsetDateTime.parse("2026-11-24T03:00:00+07:00").toInstant();
        OffsetDateTime slot = OffsetDateTime.parse("2026-11-24T02:30:00+07:00");
        assertEquals(slot.toInstant(), scheduler.latestSlot(at).toInstant());

        Mono<Optional<IntegrityRun>> node = Mono.defer(() -> scheduler.runDue(at)).map(Optional::of)
                .defaultIfEmpty(Optional.empty()).subscribeOn(Schedulers.parallel());
        List<Optional<IntegrityRun>> results = Flux.merge(node, node).collectList().block();

        List<IntegrityRun> ran = results.stream().flatMap(Optional::stream).toList();
        assertEquals(1, ran.size(), "exactly one node runs the slot");
        assertEquals(1, number("SELECT count(*) FROM platform.integrity_runs WHERE slot = '" + slot + "'"));
        IntegrityRun run = ran.get(0);
        assertNotNull(run.finishedAt());
        assertEquals("scheduled", run.trigger());
        assertEquals(registry.all().size(), run.tenantsChecked());
        assertTrue(scheduler.runDue(at.plus(Duration.ofHours(5))).blockOptional().isEmpty(), "the same slot later: nothing to do");
    }

    @Test
    void publishedFingerprintIsStoredWithASnapshotOfThePublicFields() throws SQLException {
        try (Connection c = jdbc(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT published_hash, published_snapshot ->> 'title' FROM t_bo.content_items WHERE slug = 'chuyen-doi-so-2026'")) {
            assertTrue(rs.next());
            assertEquals(64, rs.getString(1).length());
            assertEquals("Bộ Thử nghiệm đẩy mạnh chuyển đổi số năm 2026", rs.getString(2));
        }
        List<String> kinds = new ArrayList<>();
        try (Connection c = jdbc(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT content_hash IS NOT NULL FROM t_bo.content_events ORDER BY chain_seq")) {
            while (rs.next()) {
                kinds.add(String.valueOf(rs.getBoolean(1)));
            }
        }
        assertEquals(List.of("true"), kinds, "onboarding logged the publication with its fingerprint");
    }
}
