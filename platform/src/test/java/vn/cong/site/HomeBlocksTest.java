package vn.cong.site;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A home page's section blocks: each top-level section shows the newest public articles of itself and its
 * subsections together, at most {@code perBlock}, newest first; drafts, scheduled items and the other language stay
 * out, and so does everything of another tenant whose sections carry the same ids.
 */
@MicronautTest(transactional = false)
class HomeBlocksTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    PublicContent content;

    /** Section ids in alpha's schema: a block "tin-tong-hop" with two subsections, and a block "thong-bao" of its own. */
    private long news;
    private long newsDomestic;
    private long newsWorld;
    private long notices;

    @BeforeAll
    void onboardAndWrite() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        try (var c = jdbc(); var s = c.createStatement()) {
            news = id(s, "INSERT INTO t_alpha.sections (slug, name_vi, name_en) VALUES ('tin-tong-hop', 'Tin tổng hợp', 'News') RETURNING id");
            newsDomestic = id(s, "INSERT INTO t_alpha.sections (parent_id, slug, name_vi, name_en) VALUES (" + news
                    + ", 'tin-trong-nuoc', 'Tin trong nước', 'Domestic') RETURNING id");
            newsWorld = id(s, "INSERT INTO t_alpha.sections (parent_id, slug, name_vi, name_en) VALUES (" + news
                    + ", 'tin-quoc-te', 'Tin quốc tế', 'World') RETURNING id");
            notices = id(s, "INSERT INTO t_alpha.sections (slug, name_vi, name_en) VALUES ('thong-bao-moi', 'Thông báo', 'Notices') RETURNING id");
            // the block's articles spread over its subsections, day N of November
            article(s, "t_alpha", newsDomestic, "trong-nuoc-1", "Trong nước ngày 1", "vi", "published", 1);
            article(s, "t_alpha", newsWorld, "quoc-te-2", "Quốc tế ngày 2", "vi", "published", 2);
            article(s, "t_alpha", newsDomestic, "trong-nuoc-3", "Trong nước ngày 3", "vi", "published", 3);
            article(s, "t_alpha", news, "tong-hop-4", "Tổng hợp ngày 4", "vi", "published", 4);
            article(s, "t_alpha", newsWorld, "quoc-te-5", "Quốc tế ngày 5", "vi", "published", 5);
            article(s, "t_alpha", newsWorld, "quoc-te-6", "Quốc tế ngày 6", "vi", "published", 6);
            // newer, but not for the public in Vietnamese
            article(s, "t_alpha", newsDomestic, "ban-nhap-7", "Bản nháp ngày 7", "vi", "draft", 7);
            article(s, "t_alpha", newsWorld, "hen-gio", "Hẹn giờ năm sau", "vi", "published", 400);
            article(s, "t_alpha", newsDomestic, "english-8", "English day 8", "en", "published", 8);
            article(s, "t_alpha", notices, "thong-bao-2", "Thông báo ngày 2", "vi", "published", 2);
            // beta's sections with alpha's ids, and newer articles in them
            for (long section : List.of(news, newsDomestic, newsWorld, notices)) {
                s.execute("INSERT INTO t_beta.sections (id, slug, name_vi, name_en) VALUES (" + section + ", 'beta-" + section
                        + "', 'Beta', 'Beta') ON CONFLICT (id) DO NOTHING");
                article(s, "t_beta", section, "beta-moi-" + section, "Beta mới " + section, "vi", "published", 20);
            }
        }
    }

    private static long id(java.sql.Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void article(java.sql.Statement s, String schema, long section, String slug, String title, String lang,
                                String state, int dayOfNovember) throws SQLException {
        s.execute("INSERT INTO " + schema + ".content_items (section_id, language, slug, title, state, published_at) VALUES ("
                + section + ", '" + lang + "', '" + slug + "', '" + title + "', '" + state + "', timestamptz '2026-11-01 08:00+07' + interval '"
                + (dayOfNovember - 1) + " days')");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private List<String> blocks(int perBlock) {
        var home = content.home(tenant("alpha"), "vi", 3,
                new Long[]{news, newsDomestic, newsWorld, notices}, new Long[]{news, news, news, notices}, perBlock).block();
        List<String> shown = new ArrayList<>();
        for (var row : home.blocks()) {
            shown.add(row.rootId() + ":" + row.title());
        }
        return shown;
    }

    @Test
    void eachBlockShowsTheNewestOfItsSectionsTogether() {
        assertEquals(List.of(news + ":Quốc tế ngày 6", news + ":Quốc tế ngày 5", news + ":Tổng hợp ngày 4",
                notices + ":Thông báo ngày 2"), blocks(3));
    }

    @Test
    void aBlockTakesFromEverySubsectionWhenOneHasTheNewest() {
        // more than one subsection's newest few are needed: the fifth newest of the block is in the domestic one
        assertEquals(List.of(news + ":Quốc tế ngày 6", news + ":Quốc tế ngày 5", news + ":Tổng hợp ngày 4",
                news + ":Trong nước ngày 3", news + ":Quốc tế ngày 2", notices + ":Thông báo ngày 2"), blocks(5));
        assertEquals(List.of(news + ":Quốc tế ngày 6", notices + ":Thông báo ngày 2"), blocks(1));
    }
}
