package vn.cong.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Readers browsing the demo portals: home, then a section, then an article, across every tenant,
 * for a bounded time, against a platform already running on this machine.
 *
 * <pre>
 * mvn -pl load-tests gatling:test -Dtarget=http://127.0.0.1:8080 -Dusers=64 -Dduration=60 \
 *     -Dhosts=www,nafosted,nasati,noip,vinatom -Dbase=most.localhost -Dscenario=browse|home
 * </pre>
 * {@code scenario=home} requests only home pages (the throughput goal); {@code browse} walks
 * home → section → article. Traffic goes to {@code target} only (loopback by default).
 */
public class PortalBrowsingSimulation extends Simulation {

    private static final String TARGET = System.getProperty("target", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("users", 64);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 60));
    private static final String BASE = System.getProperty("base", "most.localhost");
    private static final List<String> HOSTS = Arrays.stream(System.getProperty("hosts", "www,nafosted,nasati,noip,vinatom").split(","))
            .map(label -> label.trim() + "." + BASE).toList();
    private static final String SCENARIO = System.getProperty("scenario", "browse");

    private static Iterator<Map<String, Object>> tenants() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("host", HOSTS.get(Math.floorMod(next.getAndIncrement(), HOSTS.size())))).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(TARGET)
            .header("Host", "#{host}")
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("vi-VN,vi;q=0.9")
            .userAgentHeader("Cong-Gatling/1.0")
            .disableCaching()
            .shareConnections();

    private final ChainBuilder home = exec(http("home").get("/")
            .check(status().is(200))
            .check(css("a[href^='/chuyen-muc/']", "href").findAll().saveAs("sections"))
            .check(css("a[href^='/bai-viet/']", "href").findAll().optional().saveAs("articles")));

    private final ChainBuilder section = exec(session -> session.set("section", pick(session.getList("sections"))))
            .exec(http("section").get("#{section}")
                    .check(status().is(200))
                    .check(css("a[href^='/bai-viet/']", "href").findAll().optional().saveAs("sectionArticles")));

    private final ChainBuilder article = exec(session -> {
        // an empty section falls back to an article linked from the home page
        List<Object> found = session.contains("sectionArticles") ? session.getList("sectionArticles") : List.of();
        if (found.isEmpty() && session.contains("articles")) {
            found = session.getList("articles");
        }
        return session.set("article", found.isEmpty() ? "/" : pick(found));
    }).exec(http("article").get("#{article}").check(status().is(200)));

    private final ScenarioBuilder browse = scenario("Readers browse portals")
            .feed(tenants())
            .forever().on(exec(session -> session.removeAll("sections", "articles", "sectionArticles"))
                    .exec(home, section, article));

    private final ScenarioBuilder homeOnly = scenario("Readers open home pages")
            .feed(tenants())
            .forever().on(exec(http("home").get("/").check(status().is(200))));

    {
        ScenarioBuilder chosen = "home".equals(SCENARIO) ? homeOnly : browse;
        PopulationBuilder population = chosen.injectClosed(constantConcurrentUsers(USERS).during(DURATION));
        setUp(population)
                .protocols(protocol)
                .maxDuration(DURATION.plusSeconds(10))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static Object pick(List<Object> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}
