package vn.cong.site;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginTest {

    private static Origin of(String host) {
        return Origin.of(HttpRequest.GET("/").header("Host", host));
    }

    @Test
    void linksKeepTheRequestPortUnlessItIsTheDefault() {
        assertEquals("http://alpha.most.localhost:8080/", of("www.most.localhost:8080").url("alpha.most.localhost", "/"));
        assertEquals("http://alpha.most.localhost/en", of("www.most.localhost").url("alpha.most.localhost", "/en"));
        assertEquals(Origin.DEFAULT, of("www.most.localhost:80"));
        assertEquals(Origin.DEFAULT, of("www.most.localhost:443"));
    }

    @Test
    void oddHostHeadersFallBackToNoPort() {
        assertEquals(Origin.DEFAULT, of("www.most.localhost:abc"));
        assertEquals(Origin.DEFAULT, of("www.most.localhost:"));
        assertEquals(Origin.DEFAULT, of("[::1]"));
        assertEquals(Origin.DEFAULT, of("www.most.localhost:123456"));
        assertEquals(new Origin(":8443"), of("[::1]:8443"));
    }
}
