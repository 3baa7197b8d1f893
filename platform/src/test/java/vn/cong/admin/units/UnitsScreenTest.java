package vn.cong.admin.units;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.engagement.Unit;
import vn.cong.engagement.Units;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Actor;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.Submission;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/** Units: kept by the tenant admin, declared by manifests, and the free-text submitting unit mapped onto them. */
@MicronautTest(transactional = false)
class UnitsScreenTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Units units;
    @Inject
    Publishing publishing;
    @Inject
    SubmitItem submit;
    @Inject
    Onboarding onboarding;

    private TwoPortals portals;
    private Browser alphaAdmin;
    private int slugs;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alphaAdmin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private Map<String, String> unitForm(String token, String name, String email) {
        Map<String, String> f = new HashMap<>(Map.of("csrfToken", token, "id", "", "parentId", "", "name", name, "duties", "Tham mưu",
                "position", "1", "headName", "Trưởng phòng Nguyễn Văn A", "focalAccountId", String.valueOf(portals.editorId(portals.alpha())),
                "email", email, "suppliesItems", "on"));
        return f;
    }

    private long submitted(Tenant t, String unitText) {
        long editor = portals.editorId(t);
        SavedItem d = publishing.saveDraft(t, new Draft(null, 0, "article", null, "vi", "tin-don-vi-" + (++slugs), "Tin " + slugs, "",
                "<p>x</p>", null, null, null, false, editor)).block();
        submit.submit(t, d.id(), d.version(), new Actor(editor, "Biên tập", Set.of(Role.EDITOR)), new Submission(unitText, "Người gửi", "",
                "a@b.vn", "0912345678", "routine", null, false, false, null, null)).block();
        return d.id();
    }

    private String mappedUnit(Tenant t, long itemId) {
        return SqlProbe.string(this::jdbc, "SELECT coalesce(u.name, '(none)') FROM t_" + t.code() + ".workflow_runs r LEFT JOIN t_" + t.code()
                + ".org_units u ON u.id = r.submitter_unit_id WHERE r.item_id = " + itemId);
    }

    @Test
    void tenantAdminAddsAUnitWithHeadFocalPointAndDuties() {
        HttpResponse<String> page = alphaAdmin.get("/quan-tri/don-vi");
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> f = unitForm(csrfToken(page), "Phòng Kế hoạch - Tài chính", "khtc@alpha.gov.vn");
        f.put("outside", "on");
        assertEquals(303, alphaAdmin.postForm("/quan-tri/don-vi", f).statusCode());
        Unit saved = units.named(portals.alpha(), "phòng kế hoạch  - tài chính").block().orElseThrow();
        assertEquals("Trưởng phòng Nguyễn Văn A", saved.headName());
        assertEquals(portals.editorId(portals.alpha()), saved.focalAccountId());
        assertEquals("khtc@alpha.gov.vn", saved.email());
        assertTrue(saved.suppliesItems());
        assertTrue(saved.outside());
        Document list = Jsoup.parse(alphaAdmin.get("/quan-tri/don-vi").body());
        assertTrue(list.select("tbody th[scope=row]").eachText().contains("Phòng Kế hoạch - Tài chính"));
        assertTrue(list.text().contains("Biên Tập Viên"), "the focal point is shown by name");
    }

    @Test
    void aBadUnitIsRefusedAndTheFormKeepsWhatWasTyped() {
        Map<String, String> f = unitForm(csrfToken(alphaAdmin.get("/quan-tri/don-vi")), "Phòng Thử", "khong-phai-thu");
        HttpResponse<String> refused = alphaAdmin.postForm("/quan-tri/don-vi", f);
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst("#loi-email").text().contains("không hợp lệ"));
        assertEquals("Phòng Thử", doc.selectFirst("#name").attr("value"));
        assertEquals("khong-phai-thu", doc.selectFirst("#email").attr("value"));
        assertTrue(units.named(portals.alpha(), "Phòng Thử").block().isEmpty());

        units.save(portals.alpha(), Unit.named("Phòng Trùng")).block();
        HttpResponse<String> duplicate = alphaAdmin.postForm("/quan-tri/don-vi",
                unitForm(csrfToken(alphaAdmin.get("/quan-tri/don-vi")), "  phòng trùng ", ""));
        assertEquals(400, duplicate.statusCode());
        assertTrue(text(duplicate).contains("Đã có đơn vị tên"), text(duplicate));
    }

    @Test
    void theSubmittingUnitIsMappedOntoTheUnitAndUnmatchedTextIsKept() {
        Tenant alpha = portals.alpha();
        units.save(alpha, Unit.named("Phòng Hành chính")).block();
        long matched = submitted(alpha, "  phòng   HÀNH chính ");
        long unmatched = submitted(alpha, "Trung tâm Dữ liệu");
        assertEquals("Phòng Hành chính", mappedUnit(alpha, matched));
        assertEquals("(none)", mappedUnit(alpha, unmatched));
        assertEquals("Trung tâm Dữ liệu", SqlProbe.string(this::jdbc, "SELECT submitter_unit FROM t_alpha.workflow_runs WHERE item_id = " + unmatched),
                "the text is kept as typed");
        assertTrue(text(alphaAdmin.get("/quan-tri/don-vi")).contains("Trung tâm Dữ liệu — 1 tin bài"), "listed as unmatched");

        units.save(alpha, Unit.named("Trung tâm dữ liệu")).block();
        assertEquals("Trung tâm dữ liệu", mappedUnit(alpha, unmatched), "a unit added later picks up the submissions that name it");
        Unit renamed = units.named(alpha, "Trung tâm dữ liệu").block().orElseThrow();
        units.save(alpha, new Unit(renamed.id(), null, "Trung tâm Dữ liệu và Chuyển đổi số", "", 0, "", null, "", true, false)).block();
        assertEquals("(none)", mappedUnit(alpha, unmatched), "renamed away: the text no longer names it");
    }

    @Test
    void unitsOfOneTenantAreNotSeenOrChangedFromAnother() {
        long alphaUnit = units.save(portals.alpha(), Unit.named("Phòng Riêng Alpha")).block();
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        assertFalse(text(betaAdmin.get("/quan-tri/don-vi")).contains("Phòng Riêng Alpha"));
        assertEquals(404, betaAdmin.get("/quan-tri/don-vi?sua=" + alphaUnit).statusCode());
        Map<String, String> f = unitForm(csrfToken(betaAdmin.get("/quan-tri/don-vi")), "Đổi tên từ Beta", "");
        f.put("id", String.valueOf(alphaUnit));
        f.put("focalAccountId", "");
        assertEquals(404, betaAdmin.postForm("/quan-tri/don-vi", f).statusCode());
        assertEquals("Phòng Riêng Alpha", units.find(portals.alpha(), alphaUnit).block().orElseThrow().name());
        assertEquals(403, portals.editor(portals.alpha()).get("/quan-tri/don-vi").statusCode(), "only the tenant admin keeps units");
    }

    @Test
    void aManifestDeclaresUnitsByName() {
        String manifest = """
                code: gamma
                name: {vi: Trường Gamma, en: Gamma School}
                abbreviation: gamma
                parent: bo
                units:
                  - {name: "Phòng Đào tạo", head: "Trưởng phòng Lê Thị B", email: "daotao@gamma.edu.vn"}
                  - {name: "Tổ Tin học", parent: "Phòng Đào tạo"}
                  - {name: "Hội Cha mẹ học sinh", suppliesItems: false, outside: true}
                """;
        var parsed = ManifestReader.parse(manifest);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        onboarding.onboard(parsed).block();
        Tenant gamma = context.getBean(vn.cong.tenancy.TenantRegistry.class).findByCode("gamma").orElseThrow();
        Unit training = units.named(gamma, "Phòng Đào tạo").block().orElseThrow();
        assertEquals("daotao@gamma.edu.vn", training.email());
        assertEquals(training.id(), units.named(gamma, "Tổ Tin học").block().orElseThrow().parentId());
        Unit parents = units.named(gamma, "Hội Cha mẹ học sinh").block().orElseThrow();
        assertFalse(parents.suppliesItems());
        assertTrue(parents.outside());
        assertFalse(units.declare(gamma, java.util.List.of(new Units.Declared("Phòng Đào tạo", null, null, null, null, null, null))).block(),
                "declaring again changes nothing");

        var bad = ManifestReader.parse(manifest.replace("daotao@gamma.edu.vn", "sai").replace("outside: true", "outside: maybe"));
        assertEquals(Set.of("units[0].email", "units[2].outside"),
                bad.errors().stream().map(e -> e.field()).collect(java.util.stream.Collectors.toSet()));
    }
}
