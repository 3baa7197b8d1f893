package vn.cong.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Readers over many portals (home, a section, an article, the legal documents list, a search) while,
 * when editors are given, an editor in some portals publishes an article every few seconds through
 * the workflow API (create, submit, take, send, publish), each publication refreshing that portal's
 * pages. Run it once without editors and once with them and compare the readers' p99
 * ({@code load-tests/gatling/run-publishing.sh} does both and prints where the reports land).
 *
 * <pre>
 * mvn -pl load-tests gatling:test -Dgatling.simulationClass=vn.cong.load.PublishingUnderLoadSimulation \
 *     -Dtarget=http://127.0.0.1:8080 -Dusers=32 -Dduration=60 -Dbase=most.localhost \
 *     -Dhosts=www,nafosted,nasati,noip,vinatom,moha \
 *     -Deditors='nafosted.most.localhost|cong_…token…|12,www.most.localhost|cong_…|3' -DpublishEvery=5
 * </pre>
 * {@code editors}: comma-separated {@code host|Bearer token of an editor|section id}; empty: readers only.
 */
public class PublishingUnderLoadSimulation extends Simulation {

    private static final String TARGET = System.getProperty("target", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("users", 32);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 60));
    private static final String BASE = System.getProperty("base", "most.localhost");
    private static final List<String> HOSTS = Arrays.stream(System.getProperty("hosts", "www,nafosted,nasati,noip,vinatom").split(","))
            .map(label -> label.trim() + "." + BASE).toList();
    private static final List<String[]> EDITORS = Arrays.stream(System.getProperty("editors", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.split("\\|")).toList();
    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(Integer.getInteger("publishEvery", 5));
    private static final List<String> SEARCHES = List.of("khoa học", "công nghệ", "thông báo", "quỹ", "hội nghị", "đề tài",
            "sở hữu trí tuệ", "năng lượng nguyên tử");
    private static final AtomicInteger PUBLISHED = new AtomicInteger();

    private static Iterator<Map<String, Object>> editors() {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> {
            String[] e = EDITORS.get(Math.floorMod(next.getAndIncrement(), EDITORS.size()));
            return Map.<String, Object>of("host", e[0], "token", e[1], "section", e[2]);
        }).iterator();
    }

    // ------------------------------------------------------------------------------------ readers

    private final ChainBuilder documents = exec(http("documents").get("/van-ban").check(status().is(200)));

    private final ChainBuilder search = exec(session -> session.set("q", SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size()))))
            .exec(http("search").get("/tim-kiem").queryParam("q", "#{q}").check(status().is(200)));

    private final ScenarioBuilder read = scenario("Readers")
            .feed(PortalReaders.hostsInTurn(HOSTS))
            .forever().on(exec(PortalReaders.FORGET, PortalReaders.HOME, PortalReaders.SECTION, PortalReaders.ARTICLE, documents, search));

    // ------------------------------------------------------------------------------------ editors

    private static ChainBuilder step(String name, String path, int expected, String body) {
        return exec(http(name).post(path)
                .header("Authorization", "Bearer #{token}")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .body(StringBody(body))
                .check(status().is(expected))
                .check(jsonPath("$.version").ofInt().saveAs("version")));
    }

    private final ChainBuilder publishOne = exec(session -> session.set("title",
            "Tin thử tải số " + PUBLISHED.incrementAndGet() + " lúc " + System.currentTimeMillis()))
            .exec(http("editor: create").post("/api/v1/items")
                    .header("Authorization", "Bearer #{token}")
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"sectionId\": #{section}, \"title\": \"#{title}\", \"summary\": \"Tin đăng khi đang thử tải.\","
                            + " \"body\": \"<p>Nội dung tin đăng trong lúc thử tải có người đọc.</p>\"}"))
                    .check(status().is(201))
                    .check(jsonPath("$.id").ofLong().saveAs("item"))
                    .check(jsonPath("$.version").ofInt().saveAs("version")))
            .exec(step("editor: submit", "/api/v1/items/#{item}/submit", 200,
                    "{\"version\": #{version}, \"sensitivity\": \"routine\", \"unit\": \"Văn phòng\", \"phone\": \"024 3943 0000\"}"))
            .exec(step("editor: take", "/api/v1/items/#{item}/steps/take", 200, "{\"version\": #{version}}"))
            .exec(step("editor: send", "/api/v1/items/#{item}/steps/send", 200, "{\"version\": #{version}}"))
            .exec(step("editor: publish", "/api/v1/items/#{item}/steps/publish", 200, "{\"version\": #{version}}"));

    private final ScenarioBuilder publish = scenario("Editors publish")
            .feed(editors())
            .forever().on(exec(publishOne).pause(PUBLISH_EVERY));

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(read.injectClosed(constantConcurrentUsers(USERS).during(DURATION)));
        if (!EDITORS.isEmpty()) {
            populations.add(publish.injectOpen(atOnceUsers(EDITORS.size())));
        }
        setUp(populations).protocols(PortalReaders.protocol(TARGET)).maxDuration(DURATION);
    }
}
