package vn.cong.reports.contribution;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.classification.Classification;
import vn.cong.content.classification.Classifications;
import vn.cong.content.classification.Topic;
import vn.cong.content.classification.Topics;
import vn.cong.engagement.Units;
import vn.cong.system.VietnamTime;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Staff;
import vn.cong.workflow.SubmitItem;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/** Items submitted through the workflow reach the report from their submission; the board classifies them on the item's page. */
@MicronautTest(transactional = false)
class ItemClassificationTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;
    @Inject
    SubmitItem submit;
    @Inject
    Units units;
    @Inject
    Topics topics;
    @Inject
    Classifications classifications;
    @Inject
    ContributionReports reports;

    TwoPortals portals;
    Staff staff;
    long itemId;
    Topic digital;

    @BeforeAll
    void submitOneItem() throws SQLException {
        portals = TwoPortals.onboard(context);
        staff = Staff.create(accounts, portals.alpha());
        units.declare(portals.alpha(), List.of(new Units.Declared("Phòng Tổng hợp", null, null, null, null, true, false))).block();
        topics.declare(portals.alpha(), List.of("Chuyển đổi số", "Các chủ đề khác")).block();
        digital = topics.all(portals.alpha()).block().get(0);
        long section;
        try (var c = jdbc(); var s = c.createStatement()) {
            var r = s.executeQuery("SELECT id FROM t_alpha.sections ORDER BY id LIMIT 1");
            r.next();
            section = r.getLong(1);
        }
        var draft = Staff.draft(publishing, portals.alpha(), section, "tin-phan-loai", staff.get(Role.CONTRIBUTOR));
        itemId = draft.id();
        submit.submit(portals.alpha(), itemId, draft.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
    }

    private ContributionReport thisMonth() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        return reports.report(portals.alpha(), Period.month(today.getYear(), today.getMonthValue())).block();
    }

    @Test
    void aSubmittedItemCountsAsSuppliedByItsUnitFromItsSubmission() {
        ContributionReport report = thisMonth();
        assertEquals(1, report.supplied(), "the manifest's article was never submitted: it counts as found");
        assertEquals(1, report.units().stream().filter(u -> u.name().equals("Phòng Tổng hợp")).findFirst().orElseThrow().total());
    }

    @Test
    void theBoardClassifiesAnItemOnItsPageAndBadInputKeepsWhatWasChosen() {
        Browser editor = portals.editor(portals.alpha());
        String path = "/quan-tri/quy-trinh/" + itemId + "/phan-loai";
        HttpResponse<String> page = editor.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Chuyển đổi số"), "the tenant's topics are offered");

        Map<String, String> bad = new HashMap<>(Map.of("csrfToken", csrfToken(page), "origin", "supplied", "topic", String.valueOf(digital.id()),
                "genre", "tho-ca"));
        HttpResponse<String> refused = editor.postForm(path, bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Thể loại phải là"), refused.body());
        assertTrue(refused.body().matches("(?s).*value=\"" + digital.id() + "\"[^>]*selected.*"), "the chosen topic is kept");

        Map<String, String> good = new HashMap<>(bad);
        good.put("genre", "analysis");
        assertEquals(303, editor.postForm(path, good).statusCode());
        assertEquals(new Classification("supplied", digital.id(), "analysis"), classifications.of(portals.alpha(), itemId).block());
        ContributionReport report = thisMonth();
        assertEquals(1, report.units().get(0).analyses());
        assertEquals(1, report.topics().get(0).items());
    }

    @Test
    void aManifestDeclaresTheTopicListOrSeed004sPreset() {
        String gamma = vn.cong.testing.TestTenants.read("manifests/gamma.yaml");
        var parsed = vn.cong.tenancy.manifest.ManifestReader.parse(gamma + "\ntopics: most\n");
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        context.getBean(vn.cong.onboarding.Onboarding.class).onboard(parsed).block();
        var tenant = context.getBean(vn.cong.tenancy.TenantRegistry.class).findByCode("gamma").orElseThrow();
        assertEquals(Topics.MOST_PRESET, topics.all(tenant).block().stream().map(Topic::name).toList());
        var bad = vn.cong.tenancy.manifest.ManifestReader.parse(gamma + "\ntopics: [\"Tuyển sinh\", \"\"]\n");
        assertEquals(List.of("topics[1]"), bad.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aContributorCannotClassifyAndAnotherPortalNeverReachesTheItem() {
        Browser contributor = portals.loggedIn(TwoPortals.ALPHA_HOST, Staff.USERNAMES.get(Role.CONTRIBUTOR), Staff.PASSWORD);
        String path = "/quan-tri/quy-trinh/" + itemId + "/phan-loai";
        HttpResponse<String> page = contributor.get(path);
        HttpResponse<String> refused = contributor.postForm(path, Map.of("csrfToken", csrfToken(page), "origin", "found", "topic", "", "genre", ""));
        assertEquals(403, refused.statusCode());

        Browser beta = portals.editor(portals.beta());
        HttpResponse<String> betaPage = beta.get("/quan-tri/quy-trinh");
        beta.postForm(path, Map.of("csrfToken", csrfToken(betaPage), "origin", "found", "topic", "", "genre", "news"));
        Classification kept = classifications.of(portals.alpha(), itemId).block();
        assertTrue(!"found".equals(kept.origin()), "beta's editor changed nothing of alpha's: " + kept);
    }
}
