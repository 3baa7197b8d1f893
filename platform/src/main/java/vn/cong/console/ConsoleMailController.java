package vn.cong.console;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.tenancy.outbox.OutboxMessage;
import vn.cong.tenancy.outbox.OutboxStatus;
import vn.cong.tenancy.outbox.OutgoingMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dev mail viewer (only with {@code MICRONAUT_ENVIRONMENTS=dev}; elsewhere the address does not
 * exist): the outgoing e-mail of every tenant and of the platform, newest first, whether sent or still
 * waiting for an SMTP server, with its links clickable, so a newcomer without SMTP can follow
 * set-password and confirmation links and no token needs to be written to a log.
 */
@Controller(Console.ROOT + "/thu")
@Requires(env = "dev")
@Secured(SecurityRule.IS_ANONYMOUS)
class ConsoleMailController {

    static final int LIMIT = 200;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    private final Outbox outbox;
    private final Map<String, OutgoingMail> kinds;
    private final TenantRegistry registry;
    private final ConsolePages pages;

    ConsoleMailController(Outbox outbox, List<OutgoingMail> kinds, TenantRegistry registry, ConsolePages pages) {
        this.outbox = outbox;
        this.kinds = kinds.stream().collect(Collectors.toMap(OutgoingMail::kind, Function.identity()));
        this.registry = registry;
        this.pages = pages;
    }

    /** A piece of a mail's body: plain text, or a link. */
    public record Part(String text, boolean link) {
    }

    /** One e-mail as the list shows it; {@code to} is empty when there is nothing to send (e.g. no address). */
    public record Row(long id, String at, @Nullable String tenantCode, String whose, String to, String subject, String status,
                      String statusClass, int attempts, String nextAttempt, @Nullable String lastError, List<Part> body) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request) {
        return outbox.acrossTenants(kinds.keySet(), LIMIT)
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::row)
                .collectList()
                .flatMap(rows -> pages.page(request, "mail", Map.of("mails", rows, "limit", LIMIT)));
    }

    private Mono<Row> row(OutboxMessage m) {
        Tenant tenant = m.tenantCode() == null ? null : registry.findByCode(m.tenantCode()).orElse(null);
        String whose = m.tenantCode() == null ? "Nền tảng" : tenant == null ? m.tenantCode() : tenant.nameVi();
        Mono<MailMessage> mail = m.tenantCode() != null && tenant == null ? Mono.empty() : kinds.get(m.kind()).mail(tenant, m);
        return mail.map(mm -> row(m, whose, String.join(", ", mm.to()), mm.subject(), parts(mm.text())))
                .defaultIfEmpty(row(m, whose, "", "(không có thư để gửi)",
                        List.of(new Part("Người nhận không có địa chỉ, đã bị thu hồi hoặc đã tắt thư; hoặc nội dung không còn.", false))))
                .onErrorResume(e -> Mono.just(row(m, whose, "", "(không đọc được thư)", List.of(new Part(String.valueOf(e.getMessage()), false)))));
    }

    private static Row row(OutboxMessage m, String whose, String to, String subject, List<Part> body) {
        boolean waiting = m.status() == OutboxStatus.PENDING || m.status() == OutboxStatus.SENDING;
        return new Row(m.id(), Console.time(m.createdAt()), m.tenantCode(), whose, to, subject, status(m.status()), cssClass(m.status()),
                m.attempts(), waiting && m.attempts() > 0 ? Console.time(m.nextAt()) : "", m.lastError(), body);
    }

    /** The body split into text and links (http and https only), so the template escapes the text and links the links. */
    static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher links = LINK.matcher(text);
        int at = 0;
        while (links.find()) {
            if (links.start() > at) {
                parts.add(new Part(text.substring(at, links.start()), false));
            }
            parts.add(new Part(links.group(), true));
            at = links.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    private static String status(OutboxStatus status) {
        return switch (status) {
            case PENDING -> "Chờ gửi";
            case SENDING -> "Đang gửi";
            case SENT -> "Đã gửi";
            case SKIPPED -> "Bỏ qua";
            case EXPIRED -> "Quá hạn, không gửi";
            case FAILED -> "Gửi thất bại";
        };
    }

    private static String cssClass(OutboxStatus status) {
        return switch (status) {
            case SENT -> "ok";
            case FAILED -> "failed";
            default -> "running";
        };
    }
}
