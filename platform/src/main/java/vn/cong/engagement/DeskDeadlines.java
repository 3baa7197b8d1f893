package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.workflow.ItemDeadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The deadlines both desks keep, and their reminders [003 Đ13.2]: forward within 1 day of receipt, the units answer
 * within 3 days (7 for two or more) of the actual forwarding, the answer sent within 1 day of its arrival, with days read
 * as the tenant's setting says ({@link QaDeadlines}). The seeds give feedback and petitions no deadlines of their own, so
 * a petition (one unit) keeps the same ones as a question. Reminders go once per item and step to whoever acts next:
 * the desk to forward or send the answer, the units that have not answered yet to answer; each is an in-app
 * notification that also goes out by e-mail through the outbox ({@link QuestionNotices}).
 */
@Singleton
public class DeskDeadlines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final TenantDatabase db;
    private final PublicFormSettings settings;
    private final ItemDeadlines deadlines;
    private final QuestionNotices notices;
    private final Clock clock;

    public DeskDeadlines(TenantDatabase db, PublicFormSettings settings, ItemDeadlines deadlines, QuestionNotices notices, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.deadlines = deadlines;
        this.notices = notices;
        this.clock = clock;
    }

    /** An open item's next step and whether it is late now: a line of the deadline board, the subject of a reminder. */
    public record Open(CitizenItem kind, long id, String title, QaDeadlines.Step next, boolean overdue) {
    }

    /** The tenant's deadline calculator (its reading of "days"). */
    public Mono<QaDeadlines> calculator(Tenant tenant) {
        return settings.of(tenant).map(s -> new QaDeadlines(deadlines.calendar(), s.qaDayReading()));
    }

    /** The steps an item has reached, from its step times. */
    public static List<QaDeadlines.Step> steps(QaDeadlines d, @Nullable OffsetDateTime receivedAt, @Nullable OffsetDateTime forwardedAt, int units,
                                               @Nullable OffsetDateTime answeredAt, @Nullable OffsetDateTime doneAt) {
        return d.steps(instant(receivedAt), instant(forwardedAt), units, instant(answeredAt), instant(doneAt));
    }

    /** The first step not done yet, when the item is still open; null otherwise. */
    @Nullable
    public static QaDeadlines.Step next(List<QaDeadlines.Step> steps, boolean open) {
        return open ? steps.stream().filter(s -> s.done() == null).findFirst().orElse(null) : null;
    }

    public boolean overdue(@Nullable QaDeadlines.Step next) {
        return next != null && next.overdueAt(clock.instant());
    }

    /**
     * Reminds, once per item and step, whoever acts next on each of {@code open} whose next step is due within
     * {@code window} (or past). The number of reminders sent.
     */
    public Mono<Integer> remind(Tenant tenant, List<Open> open, Duration window) {
        Instant now = clock.instant();
        return Flux.fromIterable(open)
                .filter(r -> r.next().due().toInstant().isBefore(now.plus(window)))
                .concatMap(r -> db.mono(tenant, c -> r.kind().reminded(c, r.id(), r.next().code(), now.atOffset(ZoneOffset.UTC))
                        .flatMap(n -> n == 0 ? Mono.just(0) : remindFor(c, r).thenReturn(1))))
                .reduce(0, Integer::sum);
    }

    private Mono<Long> remindFor(TenantTx c, Open r) {
        String message = (r.overdue() ? "Quá hạn " : "Sắp đến hạn ") + r.next().label().toLowerCase(Locale.ROOT) + " ("
                + r.next().due().format(TIME) + "): " + r.kind().noun() + "«" + r.title() + "»";
        if (!"answer".equals(r.next().code())) {
            return notices.toDesk(c, message);
        }
        // the units are read in full before notifying: a second statement cannot run while the first one's rows are still open
        return r.kind().unitsToAnswer(c, r.id()).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(unit -> notices.toUnit(c, unit, message)).reduce(0L, Long::sum);
    }

    @Nullable
    private static Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
