package vn.cong.content.translations;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linked translations (issue 11 point 8): an item linked to its translation on the staff screen (audited, one link each way,
 * the same kind, the other language, never another tenant's item), the public language switcher leading to the translation
 * or to the other language's home, {@code hreflang} links for linked pairs, and the list of required English pages missing.
 */
@MicronautTest(transactional = false)
class TranslationsTest extends PlatformTestSupport {

    @Inject ApplicationContext context;
    @Inject Publishing publishing;
    @Inject Translations translations;
    @Inject AboutPages about;
    @Inject TenantDatabase tenantDb;

    private TwoPortals portals;
    private long section;
    private long vi;
    private long en;
    private long lonely;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        vi = publish(alpha, "vi", "hop-tac-quoc-te-2026", "Hợp tác quốc tế về khoa học năm 2026");
        en = publish(alpha, "en", "international-cooperation-2026", "International cooperation in science in 2026");
        lonely = publish(alpha, "vi", "tin-chua-dich", "Tin chưa có bản dịch");
    }

    private long publish(Tenant tenant, String lang, String slug, String title) {
        long id = publishing.saveDraft(tenant, Draft.article(section, lang, slug, title, "Tóm tắt", "<p>Nội dung</p>", portals.editorId(tenant)))
                .block().id();
        return publishing.publish(tenant, id, portals.editorId(tenant)).block().id();
    }

    private Document page(String path) {
        HttpResponse<String> r = portals.browser(TwoPortals.ALPHA_HOST).get(path);
        assertEquals(200, r.statusCode(), path);
        return Jsoup.parse(r.body());
    }

    @Test
    void anEditorLinksATranslationAndTheSwitcherAndHreflangFollowItBothWays() {
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> screen = editor.get("/quan-tri/noi-dung/" + vi + "/ban-dich");
        assertEquals(200, screen.statusCode(), screen.body());
        Document doc = Jsoup.parse(screen.body());
        List<String> offered = doc.select("select#other option").eachAttr("value");
        assertTrue(offered.contains(String.valueOf(en)), "an English article is offered: " + offered);
        assertTrue(!offered.contains(String.valueOf(lonely)), "not an item of the same language");

        HttpResponse<String> linked = editor.postForm("/quan-tri/noi-dung/" + vi + "/ban-dich",
                Map.of("other", String.valueOf(en), "csrfToken", StaffForms.csrfToken(screen)));
        assertEquals(303, linked.statusCode(), linked.body());
        assertEquals(1L, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'translation.linked' AND details->>'viItemId' = '"
                + vi + "' AND details->>'enItemId' = '" + en + "'"));

        Document viPage = page("/bai-viet/hop-tac-quoc-te-2026");
        assertEquals("/en/bai-viet/international-cooperation-2026", viPage.selectFirst("a.lang-switch").attr("href"));
        assertEquals("http://" + TwoPortals.ALPHA_HOST + "/en/bai-viet/international-cooperation-2026",
                viPage.selectFirst("link[rel=alternate][hreflang=en]").attr("href").replaceFirst(":\\d+/", "/"));
        assertTrue(viPage.selectFirst("link[rel=alternate][hreflang=vi]").attr("href").endsWith("/bai-viet/hop-tac-quoc-te-2026"));
        Document enPage = page("/en/bai-viet/international-cooperation-2026");
        assertEquals("/bai-viet/hop-tac-quoc-te-2026", enPage.selectFirst("a.lang-switch").attr("href"), "one link each way");

        Document unlinked = page("/bai-viet/tin-chua-dich");
        assertEquals("/en", unlinked.selectFirst("a.lang-switch").attr("href"), "no translation: the English home");
        assertNull(unlinked.selectFirst("link[hreflang]"), "no hreflang without a linked pair");

        // a second English version replaces the first: an item has one translation
        long other = publish(portals.alpha(), "en", "science-cooperation-2026", "Science cooperation 2026");
        translations.link(portals.alpha(), vi, other, portals.editorId(portals.alpha())).block();
        assertEquals(other, translations.linked(portals.alpha(), vi).block().id());
        assertTrue(translations.linked(portals.alpha(), en).blockOptional().isEmpty());
        assertEquals("/en/bai-viet/science-cooperation-2026", page("/bai-viet/hop-tac-quoc-te-2026").selectFirst("a.lang-switch").attr("href"));

        translations.unlink(portals.alpha(), vi, portals.editorId(portals.alpha())).block();
        assertEquals("/en", page("/bai-viet/hop-tac-quoc-te-2026").selectFirst("a.lang-switch").attr("href"));
    }

    @Test
    void aTranslationMustBeOfTheOtherLanguageAndTheSameKindAndOfTheSameTenant() {
        assertThrows(TranslationRejected.class, () -> translations.link(portals.alpha(), vi, lonely, 1).block(), "same language");
        long document = publishing.saveDraft(portals.alpha(), new Draft(null, 0, "document", null, "en", "decision-12", "Decision 12",
                "", "<p>Text</p>", null, null, null, false, portals.editorId(portals.alpha()))).block().id();
        assertThrows(TranslationRejected.class, () -> translations.link(portals.alpha(), vi, document, 1).block(), "another kind");

        // B cannot link to A's items: an id of A names nothing (or something else) in B's schema
        long betaVi = publish(portals.beta(), "vi", "tin-cua-beta", "Tin của Beta");
        assertThrows(TranslationRejected.class, () -> translations.link(portals.beta(), betaVi, en + 100000, 1).block());
        Browser betaEditor = portals.editor(portals.beta());
        HttpResponse<String> screen = betaEditor.get("/quan-tri/noi-dung/" + betaVi + "/ban-dich");
        HttpResponse<String> refused = betaEditor.postForm("/quan-tri/noi-dung/" + betaVi + "/ban-dich",
                Map.of("other", String.valueOf(en), "csrfToken", StaffForms.csrfToken(screen)));
        assertTrue(refused.statusCode() == 400, "A's item is not B's: " + refused.statusCode());
        assertEquals(0L, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.item_translations"));
        assertEquals(404, betaEditor.get("/quan-tri/noi-dung/" + (vi + 100000) + "/ban-dich").statusCode());
    }

    @Test
    void theStaffAreaListsTheRequiredEnglishPagesThatAreMissing() {
        Browser editor = portals.editor(portals.alpha());
        Document before = Jsoup.parse(editor.get("/quan-tri/ban-tieng-anh").body());
        List<String> missing = before.select("ul.missing-english strong").eachText();
        assertTrue(missing.containsAll(List.of("Giới thiệu chung, cơ cấu tổ chức", "Chức năng, nhiệm vụ", "Liên hệ")), missing.toString());

        long actor = portals.editorId(portals.alpha());
        long contacts = about.saveText(portals.alpha(), StandingRole.CONTACTS, "en", "Contact", "<p>113 Tran Duy Hung, Ha Noi</p>", 0, actor)
                .block().id();
        assertTrue(Jsoup.parse(editor.get("/quan-tri/ban-tieng-anh").body()).select("ul.missing-english strong").eachText().contains("Liên hệ"),
                "a draft does not count");
        publishing.publish(portals.alpha(), contacts, actor).block();
        List<String> after = Jsoup.parse(editor.get("/quan-tri/ban-tieng-anh").body()).select("ul.missing-english strong").eachText();
        assertTrue(!after.contains("Liên hệ") && after.contains("Chức năng, nhiệm vụ"), after.toString());
        List<Translations.Required> beta = translations.requiredEnglish(portals.beta()).block();
        assertTrue(beta.stream().filter(r -> r.label().equals("Liên hệ")).allMatch(r -> !r.present()), "alpha's English page is not beta's");
    }
}
