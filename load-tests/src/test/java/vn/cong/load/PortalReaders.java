package vn.cong.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** What every simulation's readers share: the browser-like protocol, the portals in turn, and home → section → article. */
final class PortalReaders {

    private PortalReaders() {
    }

    /** Each virtual user reads one portal: the hosts in turn. */
    static Iterator<Map<String, Object>> hostsInTurn(List<String> hosts) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("host", hosts.get(Math.floorMod(next.getAndIncrement(), hosts.size())))).iterator();
    }

    static HttpProtocolBuilder protocol(String target) {
        return http.baseUrl(target)
                .header("Host", "#{host}")
                .acceptHeader("text/html,application/xhtml+xml")
                .acceptEncodingHeader("gzip, deflate")
                .acceptLanguageHeader("vi-VN,vi;q=0.9")
                .userAgentHeader("Cong-Gatling/1.0")
                .disableCaching()
                .shareConnections();
    }

    static final ChainBuilder FORGET = exec(session -> session.removeAll("sections", "articles", "sectionArticles"));

    static final ChainBuilder HOME = exec(http("home").get("/")
            .check(status().is(200))
            .check(css("a[href^='/chuyen-muc/']", "href").findAll().saveAs("sections"))
            .check(css("a[href^='/bai-viet/']", "href").findAll().optional().saveAs("articles")));

    static final ChainBuilder SECTION = exec(session -> session.set("section", pick(session.getList("sections"))))
            .exec(http("section").get("#{section}")
                    .check(status().is(200))
                    .check(css("a[href^='/bai-viet/']", "href").findAll().optional().saveAs("sectionArticles")));

    static final ChainBuilder ARTICLE = exec(session -> {
        // an empty section falls back to an article linked from the home page
        List<Object> found = session.contains("sectionArticles") ? session.getList("sectionArticles") : List.of();
        if (found.isEmpty() && session.contains("articles")) {
            found = session.getList("articles");
        }
        return session.set("article", found.isEmpty() ? "/" : pick(found));
    }).exec(http("article").get("#{article}").check(status().is(200)));

    private static Object pick(List<Object> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}
