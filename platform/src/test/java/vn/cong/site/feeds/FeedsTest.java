package vn.cong.site.feeds;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RSS 2.0 and Atom feeds (issue 11, point 3), parsed back with Rome's own parsers: the elements aggregators
 * need (Atom id, updated, link; RSS guid, pubDate), "Nguồn: <portal>", only published items of the tenant.
 */
@MicronautTest(transactional = false)
class FeedsTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    TenantDatabase tenantDb;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        Long section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        long id = publishing.saveDraft(alpha, Draft.article(section, "vi", "tin-dong-bo", "Tin đồng bộ lên Cổng Chính phủ",
                "Tóm tắt tin đồng bộ.", "<p>Nội dung</p>", portals.editorId(alpha))).block().id();
        publishing.publish(alpha, id, portals.editorId(alpha)).block();
        publishing.saveDraft(alpha, Draft.article(section, "vi", "nhap-feed", "Bản nháp không đồng bộ", "", "<p>x</p>",
                portals.editorId(alpha))).block();
    }

    private Object parse(String host, String path, String type) throws Exception {
        HttpResponse<String> response = portals.browser(host).get(path);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(type), response.headers().toString());
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        return input.build(new StringReader(response.body()));
    }

    @Test
    void rssItemsCarryGuidPubDateCanonicalLinkAndSource() throws Exception {
        for (String path : List.of("/rss.xml", "/chuyen-muc/tin-hoat-dong/rss.xml")) {
            Channel channel = (Channel) parse(TwoPortals.ALPHA_HOST, path, "application/rss+xml");
            assertEquals("rss_2.0", channel.getFeedType());
            List<Item> items = channel.getItems();
            assertTrue(items.stream().anyMatch(i -> i.getTitle().equals("Tin đồng bộ lên Cổng Chính phủ")), path);
            assertFalse(items.stream().anyMatch(i -> i.getTitle().equals("Bản nháp không đồng bộ")), "drafts are not syndicated");
            for (Item item : items) {
                assertNotNull(item.getGuid(), path);
                assertEquals(item.getLink(), item.getGuid().getValue());
                assertEquals(TwoPortals.ALPHA_HOST, URI.create(item.getLink()).getHost());
                assertNotNull(item.getPubDate(), path);
                assertTrue(item.getDescription().getValue().contains("Nguồn: Cục Alpha"), item.getDescription().getValue());
            }
        }
    }

    @Test
    void atomEntriesCarryIdUpdatedLinkAndSource() throws Exception {
        Feed feed = (Feed) parse(TwoPortals.ALPHA_HOST, "/atom.xml", "application/atom+xml");
        assertEquals("atom_1.0", feed.getFeedType());
        assertNotNull(feed.getId());
        assertNotNull(feed.getUpdated());
        List<Entry> entries = feed.getEntries();
        assertFalse(entries.isEmpty());
        for (Entry e : entries) {
            assertNotNull(e.getId());
            assertNotNull(e.getUpdated());
            String link = e.getAlternateLinks().get(0).getHref();
            assertEquals(link, e.getId());
            assertEquals(TwoPortals.ALPHA_HOST, URI.create(link).getHost());
            assertTrue(e.getSummary().getValue().contains("Nguồn: Cục Alpha"), e.getSummary().getValue());
        }
        assertTrue(entries.stream().anyMatch(e -> e.getAlternateLinks().get(0).getHref().endsWith("/bai-viet/tin-dong-bo")));
    }

    @Test
    void anotherTenantsFeedHasNoneOfTheseItemsAndUnknownSectionsAre404() throws Exception {
        Channel beta = (Channel) parse(TwoPortals.BETA_HOST, "/rss.xml", "application/rss+xml");
        assertTrue(beta.getItems().stream().noneMatch(i -> i.getLink().contains("tin-dong-bo") || i.getLink().contains(TwoPortals.ALPHA_HOST)));
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/chuyen-muc/khong-co/rss.xml").statusCode());
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/chuyen-muc/..%2F/atom.xml").statusCode());
    }
}
