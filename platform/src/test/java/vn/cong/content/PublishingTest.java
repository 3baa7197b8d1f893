package vn.cong.content;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PublishingTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    Publishing publishing;
    @Inject
    TenantRegistry registry;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private long section(String code, String slug) {
        return (Long) one("SELECT id FROM t_" + code + ".sections WHERE slug = '" + slug + "'").get(0);
    }

    private List<Object> one(String sql) {
        List<List<Object>> rows = rows(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private List<List<Object>> rows(String sql) {
        try (var c = jdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SavedItem newDraft(String code, String slug, String title) {
        return publishing.saveDraft(tenant(code), Draft.article(section(code, "tin-hoat-dong"), "vi", slug, title,
                "Tóm tắt.", "<p>Nội dung.</p>", null)).block();
    }

    @Test
    void savingANewDraftStoresItWithRevisionAndEventAndLeavesItPrivate() {
        long versionBefore = tenant("alpha").contentVersion();
        SavedItem saved = newDraft("alpha", "ban-nhap-moi", "Bản nháp mới của Cục Alpha");
        assertEquals(1, saved.version());
        assertEquals("draft", saved.state());
        List<Object> item = one("SELECT state, title, published_at FROM t_alpha.content_items WHERE id = " + saved.id());
        assertEquals("draft", item.get(0));
        assertEquals("Bản nháp mới của Cục Alpha", item.get(1));
        assertNull(item.get(2));
        assertEquals(List.of(1, "Bản nháp mới của Cục Alpha"),
                one("SELECT version, title FROM t_alpha.content_revisions WHERE item_id = " + saved.id()));
        assertEquals(List.of("draft"), one("SELECT to_state FROM t_alpha.content_events WHERE item_id = " + saved.id() + " AND from_state IS NULL"));
        assertEquals(versionBefore, tenant("alpha").contentVersion(), "a draft changes nothing public");
    }

    @Test
    void everySaveIsARevisionAndAStaleVersionIsRefused() {
        SavedItem first = newDraft("alpha", "sua-nhieu-lan", "Lần một");
        Draft edit = Draft.article(section("alpha", "tin-hoat-dong"), "vi", "sua-nhieu-lan", "Lần hai", "", "<p>2</p>", null);
        SavedItem second = publishing.saveDraft(tenant("alpha"), edit.editing(first.id(), first.version())).block();
        assertEquals(2, second.version());

        // a second editor still holding version 1
        Draft stale = Draft.article(section("alpha", "tin-hoat-dong"), "vi", "sua-nhieu-lan", "Lần hai của người khác", "", "<p>x</p>", null)
                .editing(first.id(), first.version());
        EditConflict conflict = assertThrows(EditConflict.class, () -> publishing.saveDraft(tenant("alpha"), stale).block());
        assertEquals(2, conflict.currentVersion());
        assertTrue(conflict.getMessage().contains("đã được người khác sửa"), conflict.getMessage());

        assertEquals("Lần hai", one("SELECT title FROM t_alpha.content_items WHERE id = " + first.id()).get(0), "nothing overwritten");
        assertEquals(2L, one("SELECT count(*) FROM t_alpha.content_revisions WHERE item_id = " + first.id()).get(0));
        assertEquals(2L, one("SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + first.id()).get(0));
    }

    @Test
    void draftBodyIsSanitisedAndTextIsNormalisedToNfc() {
        String decomposed = Normalizer.normalize("Hội thảo khoa học", Normalizer.Form.NFD);
        SavedItem saved = publishing.saveDraft(tenant("alpha"), Draft.article(null, "vi", "lam-sach", "  " + decomposed + "  ",
                "Tóm tắt", "<p onclick=\"x()\">Đoạn <b>đậm</b></p><script>alert(1)</script><img src=x onerror=alert(2)>", null)).block();
        List<Object> row = one("SELECT title, body_html FROM t_alpha.content_items WHERE id = " + saved.id());
        assertEquals("Hội thảo khoa học", row.get(0));
        assertTrue(Normalizer.isNormalized((String) row.get(0), Normalizer.Form.NFC));
        String body = (String) row.get(1);
        assertFalse(body.contains("script"), body);
        assertFalse(body.contains("onclick"), body);
        assertFalse(body.contains("onerror"), body);
        assertTrue(body.contains("<b>đậm</b>"), body);
    }

    @Test
    void invalidDraftIsRejectedWithVietnameseMessagesPerField() {
        DraftRejected rejected = assertThrows(DraftRejected.class, () -> publishing.saveDraft(tenant("alpha"),
                new Draft(null, 0, "article", null, "fr", "Có Dấu", " ", "", "", "javascript:alert(1)", null, null, false, null)).block());
        assertEquals(List.of("language", "slug", "title", "coverUrl"), List.copyOf(rejected.problems().keySet()));
        assertEquals("Tiêu đề không được để trống.", rejected.problems().get("title"));

        DraftRejected noSection = assertThrows(DraftRejected.class, () -> publishing.saveDraft(tenant("alpha"),
                Draft.article(999_999L, "vi", "khong-co-chuyen-muc", "Tiêu đề", "", "", null)).block());
        assertEquals("Chuyên mục đã chọn không tồn tại.", noSection.problems().get("sectionId"));

        DraftRejected taken = assertThrows(DraftRejected.class, () -> publishing.saveDraft(tenant("alpha"),
                Draft.article(null, "vi", "chuyen-doi-so-2026", "Trùng đường dẫn", "", "", null)).block());
        assertTrue(taken.problems().get("slug").contains("«chuyen-doi-so-2026» đã được dùng"), taken.problems().toString());
        // the same slug in English is another item
        assertNotNull(publishing.saveDraft(tenant("alpha"), Draft.article(null, "en", "chuyen-doi-so-2026", "Same slug in English", "", "", null)).block());
    }

    @Test
    void publishingSetsStateAndTimeRecordsEventAndMovesTheContentVersion() {
        SavedItem draft = newDraft("beta", "cong-bo", "Viện Beta công bố");
        long before = tenant("beta").contentVersion();
        long alphaBefore = tenant("alpha").contentVersion();
        SavedItem published = publishing.publish(tenant("beta"), draft.id(), null).block();
        assertEquals("published", published.state());
        assertEquals(draft.version() + 1, published.version());
        List<Object> row = one("SELECT state, published_at IS NOT NULL AND published_at <= now() FROM t_beta.content_items WHERE id = " + draft.id());
        assertEquals(List.of("published", true), row);
        assertEquals(List.of("draft", "published"),
                one("SELECT from_state, to_state FROM t_beta.content_events WHERE item_id = " + draft.id() + " AND to_state = 'published'"));
        assertEquals(before + 1, tenant("beta").contentVersion(), "this node's registry sees the new version at once");
        assertEquals(before + 1, one("SELECT content_version FROM platform.tenants WHERE code = 'beta'").get(0));
        assertEquals(alphaBefore, tenant("alpha").contentVersion(), "other tenants' pages stay cached");

        SavedItem again = publishing.publish(tenant("beta"), draft.id(), null).block();
        assertEquals(published.version(), again.version(), "publishing twice changes nothing");
        assertEquals(before + 1, tenant("beta").contentVersion());
    }

    @Test
    void anotherTenantCannotPublishOrEditTheItem() {
        SavedItem alphaDraft = newDraft("alpha", "chi-cua-alpha", "Chỉ của Cục Alpha");
        // beta's schema has far fewer items: the id means nothing there
        assertThrows(ContentNotFound.class, () -> publishing.publish(tenant("beta"), alphaDraft.id(), null).block());
        Draft edit = Draft.article(null, "vi", "chi-cua-alpha", "Beta sửa trộm", "", "", null).editing(alphaDraft.id(), alphaDraft.version());
        assertThrows(ContentNotFound.class, () -> publishing.saveDraft(tenant("beta"), edit).block());
        assertEquals(List.of("draft", "Chỉ của Cục Alpha"),
                one("SELECT state, title FROM t_alpha.content_items WHERE id = " + alphaDraft.id()));
        assertTrue(rows("SELECT id FROM t_beta.content_items WHERE slug = 'chi-cua-alpha'").isEmpty());
    }

    @Test
    void publishingAnUnknownItemIsNotFound() {
        ContentNotFound e = assertThrows(ContentNotFound.class, () -> publishing.publish(tenant("alpha"), 424242L, null).block());
        assertEquals("Không tìm thấy bài viết mã 424242.", e.getMessage());
    }
}
