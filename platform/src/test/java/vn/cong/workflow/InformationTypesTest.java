package vn.cong.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.api.ApiTokens;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.ItemDeadlines.Timing;
import vn.cong.workflow.deadline.DeadlineReadings;
import vn.cong.workflow.deadline.DeadlineReadings.Days;
import vn.cong.workflow.deadline.DeadlineReadings.Hours;
import vn.cong.workflow.deadline.DeadlineReadings.NoonStamp;
import vn.cong.workflow.deadline.DeadlineReadings.SameDayEnds;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Information types (issue 12, item 3): the type given on submission selects the seed's rule and the moment
 * it counts from, on the working calendar (expected times written out, Vietnam time), on the staff form, the
 * workflow API, the item's deadlines, the deadline board and the preview.
 */
@MicronautTest(transactional = false)
class InformationTypesTest extends PlatformTestSupport {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final DeadlineReadings HAI_PHONG = new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE,
            NoonStamp.AFTER_NOON);
    /** When the board received the items below: Thursday 26/11/2026 10:00, after every start time used. */
    private static final OffsetDateTime RECEIVED = at(2026, 11, 26, 10, 0);

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject ItemDeadlines deadlines;
    @Inject ApiTokens tokens;

    private Tenant alpha;
    private Staff staff;
    private long section;

    @BeforeAll
    void setUp() {
        TwoPortals portals = TwoPortals.onboard(context);
        alpha = portals.alpha();
        staff = Staff.create(accounts, alpha);
        section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private static OffsetDateTime at(int y, int mo, int d, int h, int mi) {
        return OffsetDateTime.of(y, mo, d, h, mi, 0, 0, VN);
    }

    private List<ItemDeadlines.Deadline> haiPhong(InformationType type, OffsetDateTime startsAt, OffsetDateTime opensAt) {
        return deadlines.of("hai-phong", HAI_PHONG, "article", new Timing(type, RECEIVED, startsAt, opensAt, false));
    }

    private static OffsetDateTime only(List<ItemDeadlines.Deadline> found) {
        assertEquals(1, found.size(), found.toString());
        return found.get(0).due().toOffsetDateTime();
    }

    @Test
    void eachTypeSelectsItsRuleFromItsOwnStartOnTheWorkingCalendar() {
        // plans, tenders and statistics: 3 working days from the approval / decision (Thursday → Tuesday, the weekend skipped)
        assertEquals(at(2026, 12, 1, 10, 0), only(haiPhong(InformationType.STRATEGY_PLAN, RECEIVED, null)));
        assertEquals(at(2026, 12, 1, 10, 0), only(haiPhong(InformationType.STATISTICS, RECEIVED, null)));
        // research topics: 20 working days from Monday 02/11 10:00 → Monday 30/11 10:00
        assertEquals(at(2026, 11, 30, 10, 0), only(haiPhong(InformationType.RESEARCH_TOPIC, at(2026, 11, 2, 10, 0), null)));
        // monthly report for November: within the first week of December, by 07/12 17:00
        assertEquals(at(2026, 12, 7, 17, 0), only(haiPhong(InformationType.MONTHLY_REPORT, at(2026, 11, 30, 17, 0), null)));
        // a quarter ending Wednesday 30/09 (read at 10:00): 15 working days → Wednesday 21/10 10:00
        assertEquals(at(2026, 10, 21, 10, 0), only(haiPhong(InformationType.PERIODIC_REPORT, at(2026, 9, 30, 10, 0), null)));
        // a draft counts from the leadership's approval (Tuesday 15:00), not from its receipt on Thursday
        assertEquals(at(2026, 11, 25, 15, 0), only(haiPhong(InformationType.DRAFT_DOCUMENT, at(2026, 11, 24, 15, 0), null)));
        // a document stamped Thursday 11:00 (before noon): online the same day by the office's close
        assertEquals(at(2026, 11, 26, 17, 0), only(haiPhong(InformationType.DOCUMENT, at(2026, 11, 26, 11, 0), null)));
    }

    @Test
    void aMultiDayEventHasADeadlineForItsOpeningAndOneForItsClosing() {
        // opens Monday 23/11 08:30, closes Wednesday 25/11 11:00: one working day after each
        List<ItemDeadlines.Deadline> found = haiPhong(InformationType.EVENT, at(2026, 11, 25, 11, 0), at(2026, 11, 23, 8, 30));
        assertEquals(List.of(at(2026, 11, 24, 8, 30), at(2026, 11, 26, 11, 0)), found.stream().map(d -> d.due().toOffsetDateTime()).toList());
        assertEquals(List.of("Hạn tin khai mạc (tính từ khi khai mạc)", "Hạn tin bế mạc (tính từ khi bế mạc)"),
                found.stream().map(ItemDeadlines.Deadline::label).toList());
        assertEquals(at(2026, 11, 24, 8, 30), deadlines.binding("hai-phong", HAI_PHONG, "article",
                new Timing(InformationType.EVENT, RECEIVED, at(2026, 11, 25, 11, 0), at(2026, 11, 23, 8, 30), false)).orElseThrow()
                .toOffsetDateTime(), "Hải Phòng sets no editing deadline: the board tracks the earliest");
    }

    @Test
    void aDraftIsRefusedWithoutTheLeadershipsApprovalTimeThenDueFromItAndOnTheBoard() {
        SavedItem draft = Staff.draft(publishing, alpha, section, "du-thao-theo-loai", staff.get(Role.CONTRIBUTOR));
        Browser contributor = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        logInOk(contributor, Staff.USERNAMES.get(Role.CONTRIBUTOR), Staff.PASSWORD);
        HttpResponse<String> form = contributor.get("/quan-tri/quy-trinh/" + draft.id() + "/gui");
        Map<String, String> fields = new HashMap<>(Map.of("csrfToken", csrfToken(form), "version", String.valueOf(draft.version()),
                "unit", "Vụ Pháp chế", "name", "Trần Thị Dự", "title", "Chuyên viên", "email", "du@alpha.gov.vn", "phone", "024 3943 1111",
                "sensitivity", "routine", "infoType", "draft-document"));
        HttpResponse<String> refused = contributor.postForm("/quan-tri/quy-trinh/" + draft.id() + "/gui", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("Hãy ghi «Thời điểm lãnh đạo duyệt đăng dự thảo»"), text(refused));
        assertEquals("draft-document", Jsoup.parse(refused.body()).selectFirst("select[name=infoType] option[selected]").attr("value"),
                "the chosen type is kept");

        fields.put("eventAt", "2026-11-24T15:00");
        assertEquals(303, contributor.postForm("/quan-tri/quy-trinh/" + draft.id() + "/gui", fields).statusCode());
        assertEquals("draft-document", SqlProbe.string(this::jdbc, "SELECT info_type FROM t_alpha.workflow_runs WHERE item_id = " + draft.id()));
        // MOST: the working day after the approval (Wednesday 25/11 15:00), whenever it was submitted
        assertEquals("2026-11-25 15:00", SqlProbe.string(this::jdbc, "SELECT to_char(due_at AT TIME ZONE 'Asia/Ho_Chi_Minh', "
                + "'YYYY-MM-DD HH24:MI') FROM t_alpha.workflow_runs WHERE item_id = " + draft.id()));
        String page = text(contributor.get("/quan-tri/quy-trinh/" + draft.id()));
        assertTrue(page.contains("Dự thảo văn bản lấy ý kiến") && page.contains("Thời điểm lãnh đạo duyệt đăng dự thảo"), page);

        Browser editor = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        logInOk(editor, Staff.USERNAMES.get(Role.EDITOR), Staff.PASSWORD);
        var overdue = Jsoup.parse(editor.get("/quan-tri/quy-trinh/theo-doi").body()).selectFirst("ul.overdue");
        assertTrue(overdue != null && overdue.text().contains("Tin du-thao-theo-loai"), "the board tracks the type's deadline: " + overdue);
    }

    @Test
    void theApiTakesTheTypeAndReturnsEachDeadlineAndThePreviewAgrees() {
        String token = tokens.issue(alpha, staff.get(Role.CONTRIBUTOR).id(), "Hệ thống quản lý văn bản", 1).block().token();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        Browser api = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        SavedItem draft = Staff.draft(publishing, alpha, section, "hoi-nghi-hai-ngay", staff.get(Role.CONTRIBUTOR));
        HttpResponse<String> submitted = api.postJson("/api/v1/items/" + draft.id() + "/submit", """
                {"version": %d, "sensitivity": "routine", "infoType": "event",
                 "opensAt": "2026-11-23T08:00:00+07:00", "eventAt": "2026-11-24T16:00:00+07:00"}""".formatted(draft.version()), bearer);
        assertEquals(200, submitted.statusCode(), submitted.body());
        String item = api.get("/api/v1/items/" + draft.id(), bearer).body();
        // MOST: 12 clock hours after the opening and after the closing, each its own deadline
        assertTrue(item.contains("\"infoType\":\"event\""), item);
        assertTrue(item.contains("{\"label\":\"Hạn tin khai mạc (tính từ khi khai mạc)\",\"due\":\"2026-11-23T20:00"), item);
        assertTrue(item.contains("{\"label\":\"Hạn tin bế mạc (tính từ khi bế mạc)\",\"due\":\"2026-11-25T04:00"), item);

        HttpResponse<String> preview = api.postJson("/api/v1/deadlines/preview", """
                {"kind": "article", "infoType": "statistics", "receivedAt": "2026-11-26T10:00:00+07:00",
                 "eventAt": "2026-11-26T10:00:00+07:00"}""", bearer);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("\"due\":\"2026-12-01T10:00") && preview.body().contains("Hạn đăng thông tin thống kê"),
                preview.body());
        HttpResponse<String> unknown = api.postJson("/api/v1/deadlines/preview",
                "{\"kind\": \"article\", \"infoType\": \"tin-vui\", \"receivedAt\": \"2026-11-26T10:00:00+07:00\"}", bearer);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("research-topic"), unknown.body());
    }
}
