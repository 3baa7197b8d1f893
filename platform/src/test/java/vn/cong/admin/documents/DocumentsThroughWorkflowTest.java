package vn.cong.admin.documents;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;
import vn.cong.workflow.ApproveItem;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.SendForApproval;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Staff;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.TakeForEditing;
import vn.cong.workflow.WorkflowPolicies;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * A legal document's "publish" button obeys the tenant's approval policy: under Hải Phòng's four
 * levels it is refused until the document is approved through the workflow, then it goes online.
 */
@MicronautTest(transactional = false)
class DocumentsThroughWorkflowTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";

    @Inject EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject WorkflowPolicies policies;
    @Inject SubmitItem submit;
    @Inject TakeForEditing take;
    @Inject SendForApproval send;
    @Inject ApproveItem approve;

    private Tenant alpha;
    private Staff staff;
    private Browser editor;
    private Browser betaEditor;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alpha = registry.findByCode("alpha").orElseThrow();
        assertTrue(policies.choose(alpha, "haiphong").block());
        staff = Staff.create(accounts, alpha);
        Staff.create(accounts, registry.findByCode("beta").orElseThrow());
        editor = new Browser(server.getPort(), ALPHA);
        logInOk(editor, "editor", Staff.PASSWORD);
        betaEditor = new Browser(server.getPort(), "beta.most.localhost");
        logInOk(betaEditor, "editor", Staff.PASSWORD);
    }

    @Test
    void aDocumentNeedsApprovalBeforeItsEditorPublishesItUnderTheHaiPhongPolicy() {
        HttpResponse<String> created = editor.postForm("/quan-tri/van-ban",
                LegalDocumentsTest.form(csrfToken(editor.get("/quan-tri/van-ban/moi")), "Quyết định phải qua duyệt", "21/QĐ-ALPHA"));
        assertEquals(303, created.statusCode(), created.body());
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        String slug = SqlProbe.string(this::jdbc, "SELECT slug FROM t_alpha.content_items WHERE id = " + id);
        Browser reader = new Browser(server.getPort(), ALPHA);

        Document form = Jsoup.parse(editor.get(edit).body());
        assertNotNull(form.selectFirst("a.workflow-link[href=/quan-tri/quy-trinh/" + id + "]"), "the edit page leads to the workflow");

        HttpResponse<String> refused = editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit))));
        assertEquals(409, refused.statusCode());
        assertTrue(text(refused).contains("phải được duyệt trước khi đăng"), text(refused));
        assertEquals("draft", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + id));
        assertEquals(404, reader.get("/van-ban/" + slug).statusCode());

        assertEquals(200, editor.get("/quan-tri/quy-trinh/" + id + "/gui").statusCode(), "the submission form opens for a document");
        int version = (int) SqlProbe.number(this::jdbc, "SELECT version FROM t_alpha.content_items WHERE id = " + id);
        // a document is submitted with its stamp time (the 12:00 rule counts from it; without it the submission is refused),
        // confirmed not secret and naming the portal among its recipients (MOST's profile requires it, 000 Đ10.1đ)
        Outcome o = submit.submit(alpha, id, version, staff.get(Role.EDITOR), new vn.cong.workflow.Submission("Phòng Tổng hợp",
                "Nguyễn Văn Gửi", "Chuyên viên", "gui@donvi.gov.vn", "024 3943 1234", Sensitivity.ROUTINE.db(),
                java.time.OffsetDateTime.parse("2026-11-16T10:00:00+07:00"), false, false, null, null, null, null, true, true)).block();
        o = take.take(alpha, id, o.version(), staff.get(Role.EDITOR)).block();
        o = send.send(alpha, id, o.version(), staff.get(Role.EDITOR), "").block();
        o = approve.approve(alpha, id, o.version(), staff.get(Role.APPROVER), "Đồng ý").block();
        assertEquals("approved", o.state());

        Document item = Jsoup.parse(editor.get("/quan-tri/quy-trinh/" + id).body());
        assertEquals("Văn bản", item.selectFirst("dd.kind").text());
        assertNotNull(item.selectFirst("a.edit-content[href=/quan-tri/van-ban/" + id + "]"), "the workflow page leads back to the document editor");
        Document queue = Jsoup.parse(editor.get("/quan-tri/quy-trinh").body());
        assertTrue(queue.select("tr:has(a[href=/quan-tri/quy-trinh/" + id + "]) td.kind").eachText().contains("Văn bản"), queue.text());
        assertEquals("Đã duyệt, chờ đăng", Jsoup.parse(editor.get(edit).body()).selectFirst("#quy-trinh + p strong").text());
        Document approvedForm = Jsoup.parse(editor.get(edit).body());
        assertNotNull(approvedForm.selectFirst("form fieldset.form-body[disabled]"), "an approved document is shown read-only");
        assertNotNull(approvedForm.selectFirst(".locked-notice a[href=/quan-tri/quy-trinh/" + id + "]"), "with the way forward");

        assertEquals(303, editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit)))).statusCode());
        assertEquals("published", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + id));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + id + " AND action = 'publish'"),
                "published as a workflow step, in the item's history");
        registry.reload().block();
        assertEquals(200, reader.get("/van-ban/" + slug).statusCode());

        assertEquals(404, betaEditor.get("/quan-tri/quy-trinh/" + id).statusCode(), "another tenant's staff do not see the item");
    }
}
