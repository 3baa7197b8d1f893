package vn.cong.site.questions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When Redis cannot be reached the rate limit cannot count, so the question form refuses every post with a clear
 * message and keeps what was typed, rather than take unlimited posts. Redis is "down" for this context only: it is
 * pointed at a closed port; the shared Redis is never stopped.
 */
@MicronautTest(transactional = false)
class QuestionFormWithoutRedisTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", "redis://127.0.0.1:6391", "redis.timeout", "1s");
    }

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
    }

    @Test
    void theFormRefusesWithAClearMessageAndKeepsWhatWasTyped() {
        Browser b = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals(200, b.get("/hoi-dap/gui").statusCode(), "the form itself is a public page");
        Map<String, String> f = new HashMap<>(Map.of("name", "Trần Văn Gửi", "email", "gui@example.vn", "phone", "0987654321", "address", "",
                "topic", "khac", "unit", "", "title", "Câu hỏi khi Redis ngừng", "body", "Nội dung đã gõ.", "consent", "on", "website", ""));
        HttpResponse<String> refused = b.postForm("/hoi-dap/gui", f);
        assertEquals(503, refused.statusCode(), refused.body());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst("#loi-bieu-mau").text().contains("tạm thời chưa nhận"), doc.selectFirst("#loi-bieu-mau").text());
        assertEquals("Câu hỏi khi Redis ngừng", doc.selectFirst("#title").attr("value"));
        assertEquals("Nội dung đã gõ.", doc.selectFirst("#body").text());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.questions"), "nothing taken");
        HttpResponse<String> english = b.postForm("/en/hoi-dap/gui", f);
        assertEquals(503, english.statusCode());
        assertTrue(Jsoup.parse(english.body()).selectFirst("#loi-bieu-mau").text().contains("cannot take messages right now"));
    }
}
