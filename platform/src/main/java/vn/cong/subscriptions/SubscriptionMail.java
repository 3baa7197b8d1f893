package vn.cong.subscriptions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.tenancy.outbox.OutboxHandler;
import vn.cong.tenancy.outbox.OutboxMessage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The messages of the subscriptions, all through the outbox. Immediate: the database queues a message of kind {@value #KIND}
 * for each publication (migration V660); delivering it writes, in one transaction, one e-mail per matching confirmed subscription
 * together with the row of {@code subscription_sent} that makes it once only. Daily: {@link #digests} writes at most one digest
 * per subscription and Vietnam-time day, of the items published since the subscription was confirmed and not yet sent to it.
 * Only items still published when the message is written go out: one taken down meanwhile is left out. Every message carries
 * its unsubscribe link in the text and in {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058).
 */
@Singleton
public class SubscriptionMail implements OutboxHandler {

    public static final String KIND = "subscription";
    /** At most this many items in one digest; the rest follow the next day. */
    static final int DIGEST_MAX = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TenantDatabase db;
    private final Outbox outbox;
    private final MailOutbox mail;
    private final Subscriptions subscriptions;
    private final ItemLinks links;
    private final Clock clock;

    SubscriptionMail(TenantDatabase db, Outbox outbox, MailOutbox mail, Subscriptions subscriptions, ItemLinks links, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.mail = mail;
        this.subscriptions = subscriptions;
        this.links = links;
        this.clock = clock;
    }

    /** What the outbox holds for a publication. */
    @Serdeable
    record Published(long itemId) {
    }

    record Item(long id, String kind, String language, String slug, String title, String summary, OffsetDateTime publishedAt) {
    }

    private record Recipient(long id, String email, String token, String language, Topic topic) {
    }

    private static final String ITEM_COLUMNS = "i.id, i.kind, i.language, i.slug, i.title, i.summary, i.published_at";

    private static Item item(io.r2dbc.spi.Readable r) {
        return new Item(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, String.class), r.get(6, OffsetDateTime.class));
    }

    public static Map<String, String> unsubscribeHeaders(String unsubscribeUrl) {
        return Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message) {
        if (tenant == null) {
            return Mono.just(Delivered.SKIPPED);
        }
        long itemId = outbox.payload(message, Published.class).itemId();
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("SELECT " + ITEM_COLUMNS + " FROM content_items i WHERE i.id = $1 AND i.state = 'published' AND i.published_at <= now()",
                        SubscriptionMail::item, itemId) // the database's time, which set published_at
                .flatMap(item -> c.query("""
                                WITH RECURSIVE up AS (
                                    SELECT id, parent_id FROM sections WHERE id = (SELECT section_id FROM content_items WHERE id = $1)
                                    UNION SELECT s.id, s.parent_id FROM sections s JOIN up ON s.id = up.parent_id),
                                sent AS (
                                    INSERT INTO subscription_sent (subscription_id, item_id, sent_at)
                                    SELECT s.id, $1, $2 FROM subscriptions s
                                     WHERE s.status = 'confirmed' AND s.frequency = 'immediate' AND s.language = $3
                                       AND (s.kind = $4 OR s.section_id IN (SELECT id FROM up))
                                    ON CONFLICT DO NOTHING RETURNING subscription_id)
                                SELECT s.id, s.email, s.unsubscribe_token, s.language, s.section_id, s.kind
                                  FROM subscriptions s JOIN sent ON sent.subscription_id = s.id ORDER BY s.id""",
                                SubscriptionMail::recipient, item.id(), now, item.language(), item.kind())
                        .collectList().flatMapMany(Flux::fromIterable) // read to the end before the next statement on this connection
                        .concatMap(to -> subscriptions.label(c, to.topic(), to.language()).defaultIfEmpty("")
                                .flatMap(label -> mail.enqueue(tenant, c, immediate(tenant, to, label, item))))
                        .count())
                .map(n -> n > 0 ? Delivered.SENT : Delivered.SKIPPED)
                .defaultIfEmpty(Delivered.SKIPPED)); // no longer published (taken down, or the publication rolled back)
    }

    private static Recipient recipient(io.r2dbc.spi.Readable r) {
        return new Recipient(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                new Topic(r.get(4, Long.class), r.get(5, String.class)));
    }

    private MailMessage immediate(Tenant tenant, Recipient to, String label, Item item) {
        boolean en = "en".equals(to.language());
        String portal = tenant.name(to.language());
        String leave = links.unsubscribe(tenant, to.language(), to.token());
        String text = (en ? """
                %s has published a new item in “%s”:

                %s
                %s

                Read it: %s
                Published on %s. Source: %s

                You receive this because you subscribed to “%s” at %s.
                Unsubscribe (one click): %s"""
                : """
                %s vừa đăng tin mới trong «%s»:

                %s
                %s

                Xem toàn văn: %s
                Ngày đăng: %s. Nguồn: %s

                Bạn nhận thư này vì đã đăng ký nhận «%s» tại %s.
                Hủy đăng ký (một lần bấm): %s""").formatted(portal, label, item.title(), item.summary(),
                links.item(tenant, item.kind(), item.language(), item.slug()), day(item.publishedAt()), portal, label,
                links.form(tenant, to.language()), leave);
        return new MailMessage(List.of(to.email()), (en ? "New: " : "Tin mới: ") + item.title() + " | " + portal, text, unsubscribeHeaders(leave));
    }

    /**
     * The daily digests of {@code tenant} for the Vietnam-time day of now: each confirmed daily subscription not yet served
     * today is marked served and gets the items due to it, in one transaction each; emits how many digests were written.
     * Which items are published is read against the database's time, which wrote their publication times.
     */
    public Mono<Integer> digests(Tenant tenant) {
        OffsetDateTime now = now();
        LocalDate today = now.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        return db.flux(tenant, c -> c.query("""
                        SELECT id FROM subscriptions WHERE status = 'confirmed' AND frequency = 'daily'
                           AND (last_digest_on IS NULL OR last_digest_on < $1) ORDER BY id""", r -> r.get(0, Long.class), today))
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> db.mono(tenant, c -> digest(c, tenant, id, today, now)))
                .reduce(0, Integer::sum)
                .flatMap(n -> subscriptions.purgeUnconfirmed(tenant).thenReturn(n));
    }

    private Mono<Integer> digest(TenantTx c, Tenant tenant, long id, LocalDate today, OffsetDateTime now) {
        return c.one("""
                        UPDATE subscriptions SET last_digest_on = $2 WHERE id = $1 AND status = 'confirmed'
                           AND (last_digest_on IS NULL OR last_digest_on < $2)
                        RETURNING id, email, unsubscribe_token, language, section_id, kind""", SubscriptionMail::recipient, id, today)
                .flatMap(to -> c.query("""
                                WITH RECURSIVE down AS (
                                    SELECT id FROM sections WHERE id = $3
                                    UNION SELECT s.id FROM sections s JOIN down ON s.parent_id = down.id),
                                due AS (
                                    SELECT i.id FROM content_items i, subscriptions sub
                                     WHERE sub.id = $1 AND i.state = 'published' AND i.published_at <= now() AND i.published_at >= sub.confirmed_at
                                       AND i.language = sub.language AND (i.kind = $4 OR i.section_id IN (SELECT id FROM down))
                                       AND NOT EXISTS (SELECT 1 FROM subscription_sent x WHERE x.subscription_id = $1 AND x.item_id = i.id)
                                     ORDER BY i.published_at, i.id LIMIT %d),
                                sent AS (
                                    INSERT INTO subscription_sent (subscription_id, item_id, sent_at) SELECT $1, id, $2 FROM due
                                    ON CONFLICT DO NOTHING RETURNING item_id)
                                SELECT %s FROM content_items i JOIN sent ON sent.item_id = i.id ORDER BY i.published_at, i.id"""
                                        .formatted(DIGEST_MAX, ITEM_COLUMNS),
                                SubscriptionMail::item, to.id(), now, to.topic().sectionId() == null ? -1L : to.topic().sectionId(),
                                to.topic().kind() == null ? "" : to.topic().kind())
                        .collectList()
                        .flatMap(items -> items.isEmpty() ? Mono.just(0)
                                : subscriptions.label(c, to.topic(), to.language()).defaultIfEmpty("")
                                .flatMap(label -> mail.enqueue(tenant, c, digest(tenant, to, label, items, today)))
                                .thenReturn(1)))
                .defaultIfEmpty(0);
    }

    private MailMessage digest(Tenant tenant, Recipient to, String label, List<Item> items, LocalDate today) {
        boolean en = "en".equals(to.language());
        String portal = tenant.name(to.language());
        String leave = links.unsubscribe(tenant, to.language(), to.token());
        StringBuilder list = new StringBuilder();
        int n = 1;
        for (Item item : items) {
            list.append(n++).append(". ").append(item.title()).append(" (").append(day(item.publishedAt())).append(")\n   ")
                    .append(links.item(tenant, item.kind(), item.language(), item.slug())).append("\n");
        }
        String text = (en ? """
                New in “%s” on %s:

                %s
                Source: %s

                You receive this daily digest because you subscribed to “%s” at %s.
                Unsubscribe (one click): %s"""
                : """
                Tin mới trong «%s» trên %s:

                %s
                Nguồn: %s

                Bạn nhận bản tổng hợp hằng ngày này vì đã đăng ký nhận «%s» tại %s.
                Hủy đăng ký (một lần bấm): %s""").formatted(label, portal, list, portal, label, links.form(tenant, to.language()), leave);
        String subject = (en ? "Daily digest " : "Bản tin tổng hợp ngày ") + today.format(DAY) + ": " + label + " | " + portal;
        return new MailMessage(List.of(to.email()), subject, text, unsubscribeHeaders(leave));
    }

    private static String day(OffsetDateTime t) {
        return t.atZoneSameInstant(VietnamTime.ZONE).format(DAY);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
