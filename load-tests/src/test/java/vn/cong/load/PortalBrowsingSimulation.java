package vn.cong.load;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
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

    private final ScenarioBuilder browse = scenario("Readers browse portals")
            .feed(PortalReaders.hostsInTurn(HOSTS))
            .forever().on(exec(PortalReaders.FORGET, PortalReaders.HOME, PortalReaders.SECTION, PortalReaders.ARTICLE));

    private final ScenarioBuilder homeOnly = scenario("Readers open home pages")
            .feed(PortalReaders.hostsInTurn(HOSTS))
            .forever().on(exec(http("home").get("/").check(status().is(200))));

    {
        ScenarioBuilder chosen = "home".equals(SCENARIO) ? homeOnly : browse;
        PopulationBuilder population = chosen.injectClosed(constantConcurrentUsers(USERS).during(DURATION));
        setUp(population)
                .protocols(PortalReaders.protocol(TARGET))
                .maxDuration(DURATION.plusSeconds(10))
                .assertions(global().failedRequests().count().is(0L));
    }
}
