package vn.cong.subscriptions;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.kinds.ContentKind;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.engagement.EmailConfirmations;
import vn.cong.engagement.FormProtection;
import vn.cong.engagement.PublicText;
import vn.cong.system.Sql;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribing, confirming and unsubscribing (đăng ký nhận tin) on the public side, and what the tenant admin may see and do:
 * counts per topic, and the removal of an address on request (Decree 13/2023), audited without the address. A post goes
 * through {@link FormProtection} (honeypot, rate limit, refusal when Redis is down); the address confirms by a link valid a day;
 * the answer is the same whether the address was already subscribed or not, so the form tells nobody who subscribes.
 */
@Singleton
public class Subscriptions {

    /** Unconfirmed subscriptions are purged after this long (their confirmation link expired long before). */
    public static final Duration PURGE_UNCONFIRMED_AFTER = Duration.ofDays(3);

    private final TenantDatabase db;
    private final FormProtection protection;
    private final EmailConfirmations confirmations;
    private final ContentKinds kinds;
    private final MailOutbox mail;
    private final ItemLinks links;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Subscriptions(TenantDatabase db, FormProtection protection, EmailConfirmations confirmations, ContentKinds kinds, MailOutbox mail,
                  ItemLinks links, AuditLog audit, Clock clock) {
        this.db = db;
        this.protection = protection;
        this.confirmations = confirmations;
        this.kinds = kinds;
        this.mail = mail;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** A topic one can subscribe to, with its label in the reader's language; {@code group} is "kind" or "section". */
    public record Choice(String value, String label, String group) {
    }

    /** What became of a post of the form. */
    public sealed interface Subscribed {
        /** Taken: a confirmation (or, for a subscription already confirmed, a reminder) goes to the address. */
        record Taken() implements Subscribed {
        }

        record Invalid(Map<String, String> problems) implements Subscribed {
        }

        record Refused(FormProtection.Refusal refusal) implements Subscribed {
        }
    }

    public enum Confirmed { CONFIRMED, ALREADY, EXPIRED, UNKNOWN }

    /** The kinds of items (legal documents first) and then the visible sections, as the form offers them. */
    public Mono<List<Choice>> topics(Tenant tenant, String lang) {
        List<Choice> choices = new ArrayList<>();
        kinds.all().stream().map(ContentKind::declaration).filter(d -> !"page".equals(d.kind()))
                .sorted((a, b) -> Boolean.compare(!"document".equals(a.kind()), !"document".equals(b.kind())))
                .forEach(d -> choices.add(new Choice(Topic.kind(d.kind()).value(), kindLabel(d, lang), "kind")));
        return db.flux(tenant, c -> c.query("""
                        WITH RECURSIVE tree AS (
                            SELECT id, name_vi, name_en, position, ARRAY[position, id::int] AS path FROM sections WHERE parent_id IS NULL AND visible
                            UNION ALL
                            SELECT s.id, s.name_vi, s.name_en, s.position, t.path || ARRAY[s.position, s.id::int] FROM sections s
                            JOIN tree t ON s.parent_id = t.id WHERE s.visible)
                        SELECT id, name_vi, name_en, cardinality(path) / 2 - 1 AS depth FROM tree ORDER BY path""",
                        r -> new Choice(Topic.section(r.get(0, Long.class)).value(),
                                "\u00a0\u00a0".repeat(r.get(3, Integer.class)) + r.get("en".equals(lang) ? 2 : 1, String.class), "section")))
                .collectList().map(sections -> {
                    choices.addAll(sections);
                    return choices;
                });
    }

    /** What a kind is called in a topic list and in the messages. */
    static String kindLabel(KindDeclaration d, String lang) {
        if (!"en".equals(lang)) {
            return d.name();
        }
        return switch (d.kind()) {
            case "document" -> "Legal documents";
            case "consultation" -> "Draft documents for public comment";
            case "procedure" -> "Administrative procedures";
            default -> d.name();
        };
    }

    /** The label of a topic in {@code lang}, read in the caller's transaction; empty when the section or kind is gone. */
    Mono<String> label(TenantTx c, Topic topic, String lang) {
        if (topic.kind() != null) {
            return Mono.justOrEmpty(kinds.declaration(topic.kind()).filter(d -> !"page".equals(d.kind())).map(d -> kindLabel(d, lang)));
        }
        return c.one("SELECT CASE WHEN $2 = 'en' THEN name_en ELSE name_vi END FROM sections WHERE id = $1 AND visible",
                r -> r.get(0, String.class), topic.sectionId(), lang);
    }

    /** Takes a post of the public form. */
    public Mono<Subscribed> subscribe(Tenant tenant, String lang, SubscriptionForm form, String address) {
        Map<String, String> problems = new LinkedHashMap<>(form.problems(lang));
        if (!problems.isEmpty()) {
            return Mono.just(new Subscribed.Invalid(problems));
        }
        Topic topic = Topic.parse(form.topic()).orElseThrow();
        Frequency frequency = Frequency.parse(form.frequency()).orElseThrow();
        String email = PublicText.line(form.email());
        return db.mono(tenant, c -> label(c, topic, lang)).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(label -> {
            if (label.isEmpty()) {
                return Mono.just(new Subscribed.Invalid(Map.of("topic", "en".equals(lang) ? "Please choose a topic from the list."
                        : "Xin chọn chuyên mục hoặc loại tin trong danh sách.")));
            }
            return protection.admit(tenant, "subscription", address, email, form.website())
                    .flatMap(refusal -> refusal.isPresent() ? Mono.just(new Subscribed.Refused(refusal.get()))
                            : store(tenant, lang, email, topic, frequency, label.get()).thenReturn(new Subscribed.Taken()));
        });
    }

    private record Existing(long id, String status, String token) {
    }

    private Mono<Void> store(Tenant tenant, String lang, String email, Topic topic, Frequency frequency, String label) {
        EmailConfirmations.Issued link = confirmations.issue();
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.query("""
                        SELECT id, status, unsubscribe_token FROM subscriptions
                         WHERE lower(email) = lower($1) AND coalesce(section_id, 0) = $2 AND coalesce(kind, '') = $3""",
                        r -> new Existing(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)),
                        email, topic.sectionId() == null ? 0L : topic.sectionId(), topic.kind() == null ? "" : topic.kind())
                .collectList().flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst())).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent() && "confirmed".equals(existing.get().status())) {
                        // nothing changes without the address's owner: they are reminded how to leave
                        return mail.enqueue(tenant, c, alreadyMail(tenant, lang, email, label, existing.get().token()));
                    }
                    Mono<Long> saved = existing.isPresent()
                            ? c.update("""
                                    UPDATE subscriptions SET frequency = $2, language = $3, confirm_hash = $4, confirm_expires_at = $5
                                     WHERE id = $1 AND status = 'unconfirmed'""",
                            existing.get().id(), frequency.db(), lang, link.hash(), link.expiresAt().atOffset(ZoneOffset.UTC))
                            : c.update("""
                                    INSERT INTO subscriptions (email, language, section_id, kind, frequency, confirm_hash, confirm_expires_at,
                                        unsubscribe_token, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                            email, lang, Sql.orNull(topic.sectionId(), Long.class), Sql.orNull(topic.kind(), String.class), frequency.db(),
                            link.hash(), link.expiresAt().atOffset(ZoneOffset.UTC), newToken(), now);
                    return saved.then(mail.enqueue(tenant, c, confirmationMail(tenant, lang, email, label, frequency, link.token())));
                })).then();
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private MailMessage confirmationMail(Tenant tenant, String lang, String to, String label, Frequency frequency, String token) {
        String link = links.confirm(tenant, lang, token);
        if ("en".equals(lang)) {
            String portal = tenant.name("en");
            return new MailMessage(List.of(to), "Please confirm your subscription to " + portal, """
                    You asked to receive “%s” from %s (%s).

                    Please confirm your e-mail address within 24 hours by opening this link; nothing is sent before:
                    %s

                    If you did not ask for it, ignore this message: the request is deleted after a few days.""".formatted(
                    label, portal, frequency.label("en"), link));
        }
        String portal = tenant.name("vi");
        return new MailMessage(List.of(to), "Xác nhận đăng ký nhận tin của " + portal, """
                Bạn đã đăng ký nhận «%s» từ %s (%s).

                Xin xác nhận địa chỉ thư điện tử trong vòng 24 giờ bằng cách mở đường dẫn dưới đây; trước khi xác nhận, cổng không gửi gì:
                %s

                Nếu bạn không đăng ký, xin bỏ qua thư: yêu cầu sẽ tự xóa sau vài ngày.""".formatted(label, portal, frequency.label("vi"), link));
    }

    private MailMessage alreadyMail(Tenant tenant, String lang, String to, String label, String unsubscribeToken) {
        String leave = links.unsubscribe(tenant, lang, unsubscribeToken);
        if ("en".equals(lang)) {
            return new MailMessage(List.of(to), "You already receive “" + label + "” from " + tenant.name("en"), """
                    Someone (probably you) asked again to receive “%s” at this address; you are already subscribed, and nothing has changed.

                    To stop receiving it, or to subscribe again another way, open:
                    %s""".formatted(label, leave), SubscriptionMail.unsubscribeHeaders(leave));
        }
        return new MailMessage(List.of(to), "Bạn đã đăng ký nhận «" + label + "» của " + tenant.name("vi"), """
                Có người (có thể là bạn) vừa đăng ký lại nhận «%s» bằng địa chỉ này; địa chỉ đã được đăng ký từ trước, không có gì thay đổi.

                Để thôi nhận tin, hoặc đăng ký lại theo cách khác, xin mở:
                %s""".formatted(label, leave), SubscriptionMail.unsubscribeHeaders(leave));
    }

    /** The topic a confirmation link names while its subscription waits for it. */
    public Mono<Optional<String>> waiting(Tenant tenant, String lang, String token) {
        return db.mono(tenant, c -> c.query("SELECT section_id, kind FROM subscriptions WHERE confirm_hash = $1 AND status = 'unconfirmed'",
                                r -> new Topic(r.get(0, Long.class), r.get(1, String.class)), EmailConfirmations.hash(token)).collectList().flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst()))
                        .flatMap(topic -> label(c, topic, lang)))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Confirms the address a confirmation link was sent to: from now on the subscription receives new items. */
    public Mono<Confirmed> confirm(Tenant tenant, String token) {
        return db.mono(tenant, c -> c.query("SELECT id, status, confirm_expires_at FROM subscriptions WHERE confirm_hash = $1",
                        r -> new Object[]{r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class)}, EmailConfirmations.hash(token))
                .collectList().flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst()))
                .flatMap(row -> {
                    if (!"unconfirmed".equals(row[1])) {
                        return Mono.just(Confirmed.ALREADY);
                    }
                    if (!confirmations.stillValid(((OffsetDateTime) row[2]).toInstant())) {
                        return Mono.just(Confirmed.EXPIRED);
                    }
                    // the database's time, as the items' published_at: the digest sends what was published after this
                    return c.update("UPDATE subscriptions SET status = 'confirmed', confirmed_at = now() WHERE id = $1 AND status = 'unconfirmed'",
                            row[0]).map(n -> n == 0 ? Confirmed.ALREADY : Confirmed.CONFIRMED);
                })
                .defaultIfEmpty(Confirmed.UNKNOWN));
    }

    /** The topic an unsubscribe link names, while its subscription exists. */
    public Mono<Optional<String>> byUnsubscribeToken(Tenant tenant, String lang, String token) {
        return db.mono(tenant, c -> c.query("SELECT section_id, kind FROM subscriptions WHERE unsubscribe_token = $1",
                                r -> new Topic(r.get(0, Long.class), r.get(1, String.class)), token).collectList().flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst()))
                        .flatMap(topic -> label(c, topic, lang).defaultIfEmpty(topic.value())))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Ends the subscription an unsubscribe link names, at once and without confirmation; false when there is none (any more). */
    public Mono<Boolean> unsubscribe(Tenant tenant, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.just(false);
        }
        return db.mono(tenant, c -> c.update("DELETE FROM subscriptions WHERE unsubscribe_token = $1", token)).map(n -> n > 0);
    }

    /** Subscribers of one topic, for the tenant admin: counts only. */
    public record TopicCount(String label, long immediate, long daily, long unconfirmed) {
    }

    public Mono<List<TopicCount>> counts(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        SELECT s.section_id, s.kind, sec.name_vi,
                               count(*) FILTER (WHERE s.status = 'confirmed' AND s.frequency = 'immediate'),
                               count(*) FILTER (WHERE s.status = 'confirmed' AND s.frequency = 'daily'),
                               count(*) FILTER (WHERE s.status = 'unconfirmed')
                          FROM subscriptions s LEFT JOIN sections sec ON sec.id = s.section_id
                         GROUP BY s.section_id, s.kind, sec.name_vi ORDER BY s.kind NULLS LAST, sec.name_vi""",
                r -> {
                    String kind = r.get(1, String.class);
                    String label = kind != null ? kinds.declaration(kind).map(d -> kindLabel(d, "vi")).orElse(kind)
                            : "Chuyên mục «" + r.get(2, String.class) + "»";
                    return new TopicCount(label, r.get(3, Long.class), r.get(4, Long.class), r.get(5, Long.class));
                })).collectList();
    }

    /**
     * Removes every subscription of an address on its owner's request (Decree 13/2023, erasure); the audit log records that
     * it was done and how many, never the address. Emits how many subscriptions went.
     */
    public Mono<Long> removeAddress(Tenant tenant, String email, long actorId) {
        String clean = PublicText.line(email);
        if (!PublicText.isEmail(clean)) {
            return Mono.error(new IllegalArgumentException("not an e-mail address"));
        }
        return db.mono(tenant, c -> c.update("DELETE FROM subscriptions WHERE lower(email) = lower($1)", clean)
                .flatMap(n -> audit.record(c, actorId, "subscription.removed_on_request", Map.of("subscriptions", n)).thenReturn(n)));
    }

    /** Deletes the subscriptions never confirmed within {@link #PURGE_UNCONFIRMED_AFTER}; emits how many. */
    public Mono<Long> purgeUnconfirmed(Tenant tenant) {
        return db.mono(tenant, c -> c.update("DELETE FROM subscriptions WHERE status = 'unconfirmed' AND created_at < $1",
                now().minus(PURGE_UNCONFIRMED_AFTER)));
    }

    /** A subscription made and confirmed by the staff's own means (the demo): no mail is sent. */
    public Mono<Long> addConfirmed(Tenant tenant, String email, String lang, Topic topic, Frequency frequency) {
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO subscriptions (email, language, section_id, kind, frequency, status, unsubscribe_token, created_at, confirmed_at)
                        VALUES ($1, $2, $3, $4, $5, 'confirmed', $6, $7, $7) ON CONFLICT DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                PublicText.line(email), lang, Sql.orNull(topic.sectionId(), Long.class), Sql.orNull(topic.kind(), String.class),
                frequency.db(), newToken(), now));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
