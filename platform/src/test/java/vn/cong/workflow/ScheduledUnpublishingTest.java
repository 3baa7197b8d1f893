package vn.cong.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * Scheduled unpublishing (hết hiệu lực hiển thị): the end date typed on the form is checked, shown in the staff list, and
 * the job takes an item down when it comes, through the same take-down as a person's (which leaves an item inside its
 * retention period online), once, in the item's own tenant.
 */
@MicronautTest(transactional = false)
class ScheduledUnpublishingTest extends PlatformTestSupport {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    ScheduledUnpublishing unpublishing;
    @Inject
    TenantRegistry registry;

    private TwoPortals portals;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
    }

    private long sectionOf(Tenant tenant) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_" + tenant.code() + ".sections WHERE slug = 'tin-hoat-dong'");
    }

    private long published(Tenant tenant, String slug, Duration endsIn) {
        long id = publishing.saveDraft(tenant, Draft.article(sectionOf(tenant), "vi", slug, "Thông báo " + slug, "Tóm tắt.",
                "<p>Nội dung thông báo.</p>", null)).block().id();
        publishing.publish(tenant, id, null).block();
        // published long enough ago that its retention period (lưu giữ thông tin, 5 years by default) is over
        SqlProbe.run(this::jdbc, "UPDATE t_" + tenant.code() + ".content_items SET published_at = now() - interval '6 years' WHERE id = " + id);
        endsAt(tenant, id, endsIn);
        return id;
    }

    private void endsAt(Tenant tenant, long id, Duration endsIn) {
        SqlProbe.run(this::jdbc, "UPDATE t_" + tenant.code() + ".content_items SET unpublish_at = '" + clock.instant().plus(endsIn)
                + "'::timestamptz WHERE id = " + id);
    }

    private String state(Tenant tenant, long id) {
        return SqlProbe.string(this::jdbc, "SELECT state FROM t_" + tenant.code() + ".content_items WHERE id = " + id);
    }

    private static String typed(Instant at) {
        return at.atZone(VietnamTime.ZONE).format(INPUT);
    }

    @Test
    void theJobTakesDownOnlyDueItemsOnceInTheirOwnTenant() {
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        long due = published(alpha, "thong-bao-het-han", Duration.ofHours(1));
        long later = published(alpha, "thong-bao-con-han", Duration.ofHours(5));
        long draft = publishing.saveDraft(alpha, Draft.article(sectionOf(alpha), "vi", "ban-nhap-co-han", "Bản nháp có hạn", "", "<p>Nháp.</p>",
                null)).block().id();
        endsAt(alpha, draft, Duration.ofHours(1));
        long betaLater = published(beta, "thong-bao-het-han", Duration.ofHours(5));
        long held = published(alpha, "thong-bao-moi-dang", Duration.ofHours(1));
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET published_at = now() - interval '1 month' WHERE id = " + held);
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals(200, reader.get("/bai-viet/thong-bao-het-han").statusCode());

        assertEquals(0, unpublishing.takeDownDue().block(), "nothing is due yet");
        clock.advance(Duration.ofHours(2));
        assertEquals(1, unpublishing.takeDownDue().block(), "only alpha's due item");
        assertEquals("taken_down", state(alpha, due));
        assertEquals("published", state(alpha, later));
        assertEquals("draft", state(alpha, draft), "a draft is not taken down");
        assertEquals("published", state(alpha, held), "an item inside its retention period stays online, as for a person's take-down");
        assertEquals("published", state(beta, betaLater), "beta's item of the same address keeps its own end date");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + due
                + " AND action = 'take_down_scheduled' AND to_state = 'taken_down'"), "in the event log as a take-down");
        assertEquals(0, unpublishing.takeDownDue().block(), "once");
        registry.reload().block();
        assertEquals(410, reader.get("/bai-viet/thong-bao-het-han").statusCode(), "gone from the public site at once");
        assertEquals(200, portals.browser(TwoPortals.BETA_HOST).get("/bai-viet/thong-bao-het-han").statusCode());

        clock.advance(Duration.ofHours(4));
        assertEquals(2, unpublishing.takeDownDue().block(), "later, alpha's and beta's");
        assertEquals("taken_down", state(beta, betaLater));
    }

    @Test
    void theEndDateIsCheckedOnTheFormKeepsWhatWasTypedAndShowsInTheList() {
        Browser editor = portals.editor(portals.alpha());
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", csrfToken(editor.get("/quan-tri/bai-viet/moi")));
        form.put("title", "Thông báo tuyển dụng viên chức năm 2026");
        form.put("slug", "");
        form.put("sectionId", String.valueOf(sectionOf(portals.alpha())));
        form.put("language", "vi");
        form.put("summary", "Tóm tắt.");
        form.put("body", "<p>Nội dung.</p>");
        form.put("version", "0");
        String past = typed(clock.instant().minus(Duration.ofDays(1)));
        form.put("unpublishAt", past);
        HttpResponse<String> refused = editor.postForm("/quan-tri/bai-viet", form);
        assertEquals(400, refused.statusCode(), refused.body());
        Document page = Jsoup.parse(refused.body());
        assertEquals("Thời điểm gỡ xuống phải ở tương lai.", page.selectFirst("#loi-unpublish").text());
        assertEquals(past, page.selectFirst("#unpublishAt").attr("value"), "the typed time is kept");
        assertEquals("Thông báo tuyển dụng viên chức năm 2026", page.selectFirst("#title").attr("value"));

        form.put("unpublishAt", "ngày mai");
        assertTrue(Jsoup.parse(editor.postForm("/quan-tri/bai-viet", form).body()).selectFirst("#loi-unpublish").text().contains("không hợp lệ"));

        Instant end = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        form.put("unpublishAt", typed(end));
        HttpResponse<String> created = editor.postForm("/quan-tri/bai-viet", form);
        assertEquals(303, created.statusCode(), created.body());
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
        assertEquals(typed(end), Jsoup.parse(editor.get(edit).body()).selectFirst("#unpublishAt").attr("value"), "kept and shown again");
        String shown = end.atZone(VietnamTime.ZONE).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
        assertTrue(Jsoup.parse(editor.get("/quan-tri/bai-viet").body()).select("tbody tr").stream()
                .anyMatch(r -> r.text().contains("Thông báo tuyển dụng viên chức năm 2026") && r.text().contains(shown)), "the list shows it");

        // published at a time: the end must come after it
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET state = 'published', published_at = '"
                + clock.instant().plus(Duration.ofDays(40)) + "'::timestamptz WHERE id = " + id);
        HttpResponse<String> before = editor.get(edit);
        Map<String, String> change = new HashMap<>(form);
        change.put("csrfToken", csrfToken(before));
        change.put("version", Jsoup.parse(before.body()).selectFirst("input[name=version]").attr("value"));
        change.put("unpublishAt", typed(end.plus(Duration.ofDays(1))));
        HttpResponse<String> early = editor.postForm(edit, change);
        assertEquals(400, early.statusCode(), early.body());
        assertTrue(Jsoup.parse(early.body()).selectFirst("#loi-unpublish").text().startsWith("Thời điểm gỡ xuống phải sau thời điểm đăng"));

        // an end date already stored is not checked again: once passed (the item held online), other edits still save
        clock.advance(Duration.ofDays(31));
        HttpResponse<String> later = editor.get(edit);
        Map<String, String> other = new HashMap<>(form);
        other.put("csrfToken", csrfToken(later));
        other.put("version", Jsoup.parse(later.body()).selectFirst("input[name=version]").attr("value"));
        other.put("summary", "Tóm tắt đã sửa.");
        assertEquals(typed(end), Jsoup.parse(later.body()).selectFirst("#unpublishAt").attr("value"));
        assertEquals(303, editor.postForm(edit, other).statusCode(), "the unchanged, passed end date does not block the save");
    }
}
