package vn.cong.console;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.cong.accounts.PasswordHasher;
import vn.cong.admin.StaffForms;
import vn.cong.testing.Browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** What the operator does at the console, step by step, for integration tests. */
public final class OperatorConsole {

    public static final String HOST = "admin.most.localhost";
    static final String USERNAME = "vanhanh";
    static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final String HASH = new PasswordHasher().hash(PASSWORD);

    private OperatorConsole() {
    }

    /** The configured operator, for a test class's properties. */
    public static Map<String, String> operatorProperties() {
        return Map.of("cong.operator.username", USERNAME, "cong.operator.password-hash", HASH);
    }

    static HttpResponse<String> logIn(Browser browser, String username, String password) {
        HttpResponse<String> form = browser.get(Console.LOGIN);
        assertEquals(200, form.statusCode(), form.body());
        return browser.postForm(Console.LOGIN, Map.of("username", username, "password", password, "csrfToken", StaffForms.csrfToken(form)));
    }

    public static Browser loggedIn(int port) {
        Browser browser = new Browser(port, HOST);
        HttpResponse<String> answer = logIn(browser, USERNAME, PASSWORD);
        assertEquals(303, answer.statusCode(), answer.body());
        return browser;
    }

    /** The CSRF token the console gave this browser's session (from any console page with a form). */
    static String token(Browser browser) {
        return StaffForms.csrfToken(browser.get(Console.ROOT + "/bao-tri"));
    }

    static Document html(HttpResponse<String> page) {
        return Jsoup.parse(page.body());
    }

    /** Reloads {@code path} until {@code done} holds for the page, or fails after {@code deadline}. */
    static HttpResponse<String> pollPage(Browser browser, String path, Duration deadline, Predicate<Document> done) {
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        try {
            poll(deadline).until(() -> {
                page.set(browser.get(path));
                return page.get().statusCode() == 200 && done.test(html(page.get()));
            });
        } catch (ConditionTimeoutException e) {
            fail("not done within " + deadline + ": " + path + "\n" + page.get().body());
        }
        return page.get();
    }

    /** Requests {@code path} until it answers {@code status}, or fails after {@code deadline}. */
    static void pollStatus(Browser browser, String path, int status, Duration deadline) {
        AtomicInteger last = new AtomicInteger();
        try {
            poll(deadline).until(() -> {
                last.set(browser.get(path).statusCode());
                return last.get() == status;
            });
        } catch (ConditionTimeoutException e) {
            fail(path + " answered " + last.get() + ", not " + status + ", within " + deadline);
        }
    }

    private static ConditionFactory poll(Duration deadline) {
        return Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(250));
    }

    /** A multipart/form-data POST (the onboarding form) with the browser's console cookie and a same-site Origin. */
    static HttpResponse<String> postMultipart(int port, Browser browser, String path, Map<String, String> fields,
                                              String fileName, String fileContent) {
        String boundary = "----cong" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n").append(fileContent).append("\r\n");
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Host", HOST)
                .header("Origin", "http://" + HOST)
                .header("Cookie", browser.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
