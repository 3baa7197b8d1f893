package vn.cong.tenancy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostNamesTest {

    @Test
    void hostsAreLowerCasedWithoutPortOrTrailingDot() {
        assertEquals(Optional.of("alpha.most.localhost"), HostNames.normalize("Alpha.Most.Localhost:8080"));
        assertEquals(Optional.of("alpha.most.localhost"), HostNames.normalize("alpha.most.localhost."));
        assertEquals(Optional.of("127.0.0.1"), HostNames.normalize("127.0.0.1:65535"));
        assertEquals(Optional.of(java.net.IDN.toASCII("bộ.vn")), HostNames.normalize("Bộ.vn"));
        assertEquals(Optional.of("[::1]"), HostNames.normalize("[::1]:8443"));
        assertEquals(Optional.of("alpha.most.localhost"), HostNames.normalize("alpha.most.localhost, proxy.internal"));
    }

    @Test
    void userInfoPathsSpacesAndBadPortsAreNoHost() {
        for (String hostile : new String[]{"nasati.most.localhost:8082@evil.example", "evil.example@alpha.most.localhost",
                "alpha.most.localhost/evil.example", "alpha.most.localhost\\evil", "alpha.most.localhost evil.example",
                "alpha.most.localhost:99999", "alpha.most.localhost:0", "alpha.most.localhost:80abc", "alpha.most.localhost:",
                "alpha.most.localhost:80:80", "alpha..most.localhost", "alpha.most.localhost?x", "alpha.most.localhost#x",
                "[::1]evil", "[::1]:", "[evil.example]", "[::1", "::1"}) {
            assertEquals(Optional.empty(), HostNames.normalize(hostile), hostile);
        }
    }
}
