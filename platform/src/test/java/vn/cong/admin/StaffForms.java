package vn.cong.admin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import vn.cong.testing.Browser;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a person does in the staff area, step by step, for integration tests. */
public final class StaffForms {

    private StaffForms() {
    }

    /** The CSRF token of the first POST form on a page. */
    public static String csrfToken(HttpResponse<String> page) {
        Element field = Jsoup.parse(page.body()).selectFirst("form[method=post] input[name=csrfToken]");
        assertNotNull(field, "no CSRF field on the page:\n" + page.body());
        return field.attr("value");
    }

    /** Opens the login form and submits it; returns the answer to the POST. */
    public static HttpResponse<String> logIn(Browser browser, String username, String password) {
        HttpResponse<String> form = browser.get("/quan-tri/dang-nhap");
        assertEquals(200, form.statusCode(), form.body());
        return browser.postForm("/quan-tri/dang-nhap",
                Map.of("username", username, "password", password, "csrfToken", csrfToken(form)));
    }

    /** Logs in and expects to land on the dashboard. */
    public static void logInOk(Browser browser, String username, String password) {
        HttpResponse<String> answer = logIn(browser, username, password);
        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals("/quan-tri", answer.headers().firstValue("Location").orElse(""));
    }

    /**
     * Posts a form body as written (for repeated fields such as {@code roles=a&roles=b}), with the
     * browser's session cookie and a same-site Origin.
     */
    public static HttpResponse<String> postRaw(int port, String host, Browser browser, String path, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Host", host)
                    .header("Origin", "http://" + host)
                    .header("Cookie", "CONG_SESSION=" + browser.cookies().get("CONG_SESSION"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text a person reads on the page (tags stripped, whitespace collapsed). */
    public static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }
}
