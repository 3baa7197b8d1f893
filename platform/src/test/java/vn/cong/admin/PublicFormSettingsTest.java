package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.engagement.FormProtection;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * The public forms' settings screen: the tenant admin changes the rate limits, the personal-data period and the Q&A day
 * reading; the next post is judged by the new limit, the change is audited, a wrong value is refused with what was typed
 * kept, only the tenant admin may do it, and the other portal keeps its own settings.
 */
@MicronautTest(transactional = false)
class PublicFormSettingsTest extends PlatformTestSupport {

    private static final String PATH = "/quan-tri/bieu-mau-cong-khai";

    @Inject
    ApplicationContext context;
    @Inject
    FormProtection protection;
    @Inject
    TenantRegistry registry;

    private TwoPortals portals;

    @BeforeAll
    void portals() {
        portals = TwoPortals.onboard(context);
    }

    private Browser alphaAdmin() {
        return portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private static Map<String, String> settings(String perAddressLimit, String anonymiseAfterMonths, String reading) {
        Map<String, String> form = new HashMap<>();
        form.put("perAddressLimit", perAddressLimit);
        form.put("perAddressMinutes", "30");
        form.put("perEmailLimit", "4");
        form.put("perEmailHours", "12");
        form.put("anonymiseAfterMonths", anonymiseAfterMonths);
        form.put("qaDayReading", reading);
        return form;
    }

    private static HttpResponse<String> save(Browser admin, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(admin.get(PATH)));
        return admin.postForm(PATH, form);
    }

    @Test
    void theAdminsNewLimitJudgesTheNextPostAndTheChangeIsAuditedWhileBetaKeepsItsOwn() {
        HttpResponse<String> saved = save(alphaAdmin(), settings("1", "36", "calendar"));
        assertEquals(303, saved.statusCode(), saved.body());

        var alpha = registry.findByCode("alpha").orElseThrow();
        var beta = registry.findByCode("beta").orElseThrow();
        assertTrue(protection.admit(alpha, "question", "203.0.113.7", "mot@example.vn", "").block().isEmpty(), "the first post passes");
        assertTrue(protection.admit(alpha, "question", "203.0.113.7", "hai@example.vn", "").block().isPresent(),
                "a second post from the same address within 30 minutes is refused: the limit is now 1");
        assertTrue(protection.admit(beta, "question", "203.0.113.7", "mot@example.vn", "").block().isEmpty(), "beta keeps 3 a window");
        assertTrue(protection.admit(beta, "question", "203.0.113.7", "hai@example.vn", "").block().isEmpty(), "beta keeps 3 a window");

        assertEquals("1 30 4 12 36 calendar", SqlProbe.string(this::jdbc, """
                SELECT concat_ws(' ', per_address_limit, per_address_minutes, per_email_limit, per_email_hours, anonymise_after_months, qa_day_reading)
                FROM t_alpha.public_form_settings"""));
        assertEquals("3 10 5 24 24 working", SqlProbe.string(this::jdbc, """
                SELECT concat_ws(' ', per_address_limit, per_address_minutes, per_email_limit, per_email_hours, anonymise_after_months, qa_day_reading)
                FROM t_beta.public_form_settings"""));
        assertEquals("{\"after\": 1, \"before\": 3}", SqlProbe.string(this::jdbc,
                "SELECT details->'per_address_limit' FROM t_alpha.audit_log WHERE action = 'public_forms.settings' ORDER BY id DESC LIMIT 1"));
        Document page = Jsoup.parse(alphaAdmin().get(PATH + "?thongbao=luu").body());
        assertEquals("36", page.select("#anonymiseAfterMonths").val());
        assertEquals("calendar", page.select("input[name=qaDayReading][checked]").val());
    }

    @Test
    void aValueOutsideItsBoundsIsRefusedNamingTheFieldWithEverythingTypedKept() {
        long before = SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'public_forms.settings'");
        HttpResponse<String> refused = save(alphaAdmin(), settings("0", "mười", "working"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select("#loi-perAddressLimit").text().contains("từ 1 đến 1000"), refused.body());
        assertTrue(page.select("#loi-anonymiseAfterMonths").text().contains("từ 1 đến 240"), refused.body());
        assertEquals("mười", page.select("#anonymiseAfterMonths").val(), "what was typed is kept");
        assertEquals("30", page.select("#perAddressMinutes").val());
        assertEquals(before, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'public_forms.settings'"),
                "nothing was saved");
    }

    @Test
    void onlyTheTenantAdminMayChangeThemAndOnlyOnTheirOwnPortal() {
        Browser editor = portals.editor(portals.alpha());
        assertEquals(403, editor.get(PATH).statusCode(), "an editor does not set the public forms' limits");
        Browser admin = alphaAdmin();
        Map<String, String> form = new HashMap<>(settings("7", "24", "working"));
        form.put("csrfToken", csrfToken(admin.get(PATH)));
        HttpResponse<String> onBeta = admin.at(TwoPortals.BETA_HOST).postForm(PATH, form);
        assertTrue(onBeta.statusCode() == 303 && onBeta.headers().firstValue("Location").orElse("").contains("dang-nhap")
                        || onBeta.statusCode() == 403 || onBeta.statusCode() == 401,
                "alpha's session means nothing on beta: " + onBeta.statusCode());
        assertEquals(3, SqlProbe.number(this::jdbc, "SELECT per_address_limit FROM t_beta.public_form_settings"));
    }
}
