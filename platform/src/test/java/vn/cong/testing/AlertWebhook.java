package vn.cong.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook on loopback that keeps every alert POSTed to it (as {@code cong.alerts.webhook-url}). */
public final class AlertWebhook {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private AlertWebhook(HttpServer server) {
        this.server = server;
    }

    public static AlertWebhook start() {
        try {
            AlertWebhook hook = new AlertWebhook(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            hook.server.createContext("/canh-bao", exchange -> {
                hook.received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            hook.server.start();
            return hook;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/canh-bao";
    }

    /** The bodies received so far, oldest first. */
    public List<String> received() {
        return received;
    }

    public void stop() {
        server.stop(0);
    }
}
