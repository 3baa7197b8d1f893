package vn.cong.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A browser's file upload form post (multipart/form-data) with the session cookie of a {@link Browser}. */
public final class MultipartPost {

    private MultipartPost() {
    }

    public static HttpResponse<String> send(int port, String host, Browser browser, String path, Map<String, String> fields,
                                            String fileName, byte[] bytes) {
        String boundary = "----cong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Host", host)
                    .header("Origin", "http://" + host)
                    .header("Cookie", "CONG_SESSION=" + browser.cookies().get("CONG_SESSION"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Like {@link #send}, but the file part goes first and the fields follow {@code pause} later, as a slow link or a
     * form with its file input first delivers them: the route must read the fields that arrive after the file.
     */
    public static HttpResponse<String> sendFileFirst(int port, String host, Browser browser, String path, Map<String, String> fields,
                                                     String fileName, byte[] bytes, Duration pause) {
        String boundary = "----cong" + UUID.randomUUID();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        write(first, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        first.writeBytes(bytes);
        write(first, "\r\n");
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(rest, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        write(rest, "--" + boundary + "--\r\n");
        InputStream later = new InputStream() {
            private InputStream fields;

            @Override
            public int read() throws IOException {
                return open().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return open().read(b, off, len);
            }

            private InputStream open() throws IOException {
                if (fields == null) {
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    fields = new ByteArrayInputStream(rest.toByteArray());
                }
                return fields;
            }
        };
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Host", host)
                    .header("Origin", "http://" + host)
                    .header("Cookie", "CONG_SESSION=" + browser.cookies().get("CONG_SESSION"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new SequenceInputStream(new ByteArrayInputStream(first.toByteArray()), later)))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
