package vn.cong.reports.produced;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.accounts.Role;
import vn.cong.reports.accounts.AccountActivityDocument;
import vn.cong.reports.accounts.AccountActivityReports;
import vn.cong.reports.accounts.ReportPeriod;
import vn.cong.reports.contribution.ContributionDocument;
import vn.cong.reports.contribution.ContributionReport;
import vn.cong.reports.contribution.ContributionReports;
import vn.cong.reports.export.ReportDocument;
import vn.cong.system.StoredCode;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ApprovalLevel;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.WorkflowPolicies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports produced on the tenant's cadence and signed off by the head before the board sees them. A report is produced
 * once per kind and period (the table's key decides between nodes and repeated runs), kept as produced (a later edit of
 * an item does not change it), waits for the sign-off of the head, or of a deputy head where the tenant's approval
 * policy lets deputies give the final approval; sent back with a note, it is produced again after the corrections.
 * Every step is in the report's history and the audit log; the signers are notified when a report waits.
 */
@Singleton
public class ProducedReports {

    private static final Logger LOG = LoggerFactory.getLogger(ProducedReports.class);
    static final String PAGE = "/quan-tri/bao-cao/da-lap/";
    private static final String SYSTEM = "Hệ thống (lập theo kỳ)";

    private final TenantDatabase db;
    private final ContributionReports contribution;
    private final AccountActivityReports accounts;
    private final RegulationProfiles profiles;
    private final WorkflowPolicies policies;
    private final AuditLog audit;
    private final JsonMapper json;

    ProducedReports(TenantDatabase db, ContributionReports contribution, AccountActivityReports accounts, RegulationProfiles profiles,
                    WorkflowPolicies policies, AuditLog audit, JsonMapper json) {
        this.db = db;
        this.contribution = contribution;
        this.accounts = accounts;
        this.profiles = profiles;
        this.policies = policies;
        this.audit = audit;
        this.json = json;
    }

    /** One entry of a report's history. */
    public record Step(String action, String actor, @Nullable String note, OffsetDateTime at) {

        public String label() {
            return switch (action) {
                case "produced" -> "Lập báo cáo";
                case "returned" -> "Trả lại để sửa";
                case "reproduced" -> "Lập lại sau khi sửa";
                default -> "Ký duyệt";
            };
        }

        public String when() {
            return ProducedReport.at(at);
        }
    }

    /** A due period of a kind, to produce. */
    private record Due(ReportKind kind, CadencePeriod period) {
    }

    // ---- producing -------------------------------------------------------------------------------------------------

    /**
     * Produces every report of {@code tenant} that is due at {@code now} and not produced yet: the contribution report
     * for each period of the profile's cadence that has ended (Vietnam time), and with {@code accountsQuarterly} the
     * account report for each quarter that has ended. Periods are looked for back to {@code catchUp} before now, and not
     * before the tenant's records begin (its creation, or its oldest item for the contribution report), so a node that
     * was down catches up and a new tenant is not given reports of years it did not exist. @return how many were produced
     */
    public Mono<Integer> produceDue(Tenant tenant, Instant now, Duration catchUp, boolean accountsQuarterly) {
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        LocalDate window = LocalDate.ofInstant(now.minus(catchUp), VietnamTime.ZONE);
        return profiles.profile(tenant).map(p -> p.values().get(ProfileValue.REPORTS))
                .zipWith(db.mono(tenant, c -> c.one("""
                                SELECT (SELECT created_at FROM platform.tenants WHERE code = $1), (SELECT min(coalesce(received_at, published_at))
                                FROM content_items WHERE received_at IS NOT NULL OR published_at IS NOT NULL)""",
                        r -> new OffsetDateTime[]{r.get(0, OffsetDateTime.class), r.get(1, OffsetDateTime.class)}, tenant.code())))
                .flatMap(t -> {
                    OffsetDateTime created = t.getT2()[0] == null ? now.atOffset(ZoneOffset.UTC) : t.getT2()[0];
                    OffsetDateTime oldest = t.getT2()[1];
                    LocalDate tenantSince = day(created);
                    LocalDate itemsSince = oldest == null || oldest.isAfter(created) ? tenantSince : day(oldest);
                    List<Due> due = new ArrayList<>();
                    for (CadencePeriod.Kind kind : CadencePeriod.kindsOf(t.getT1())) {
                        CadencePeriod.ended(kind, later(window, itemsSince), today).forEach(p -> due.add(new Due(ReportKind.CONTRIBUTION, p)));
                    }
                    if (accountsQuarterly) {
                        CadencePeriod.ended(CadencePeriod.Kind.QUARTER, later(window, tenantSince), today)
                                .forEach(p -> due.add(new Due(ReportKind.ACCOUNTS, p)));
                    }
                    due.sort(Comparator.comparing((Due d) -> d.period().to()).thenComparing(d -> -d.period().kind().months()));
                    return Flux.fromIterable(due).concatMap(d -> produce(tenant, d.kind(), d.period(), now))
                            .filter(Optional::isPresent).count().map(Long::intValue);
                });
    }

    /** The last period of the tenant's cadence (its shortest kind) that has ended by {@code today}. */
    public Mono<CadencePeriod> lastEnded(Tenant tenant, LocalDate today) {
        return profiles.profile(tenant).map(p -> {
            CadencePeriod.Kind kind = CadencePeriod.kindsOf(p.values().get(ProfileValue.REPORTS)).get(0);
            return CadencePeriod.holding(kind, today.minusMonths(kind.months()));
        });
    }

    /**
     * Produces the report of {@code kind} for {@code period} unless it exists: emits its id when this call produced it,
     * empty when it was there already (produced before, or by another node at the same time).
     */
    public Mono<Optional<Long>> produce(Tenant tenant, ReportKind kind, CadencePeriod period, Instant now) {
        return exists(tenant, kind, period).flatMap(there -> there ? Mono.just(Optional.<Long>empty())
                : compute(tenant, kind, period, now).flatMap(doc -> signers(tenant).flatMap(deputies -> db.mono(tenant, c -> c.one("""
                                INSERT INTO produced_reports (kind, period_kind, period_from, period_to, period_label, document, figures, produced_at)
                                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)
                                ON CONFLICT (kind, period_kind, period_from) DO NOTHING RETURNING id""",
                                r -> r.get(0, Long.class), kind.db(), period.kind().db(), period.from(), period.to(), period.label(),
                                doc.document(), vn.cong.system.Sql.orNull(doc.figures(), String.class), now.atOffset(ZoneOffset.UTC))
                        .flatMap(id -> step(c, id, "produced", null, SYSTEM, null, now)
                                .then(audit.record(c, null, "report.produced", Map.of("report", id, "kind", kind.db(), "period", period.label())))
                                .then(notifySigners(c, deputies, kind.label() + " " + period.label() + " đã được lập, chờ ký duyệt trước khi gửi Ban biên tập: "
                                        + PAGE + id))
                                .thenReturn(Optional.of(id)))
                        .defaultIfEmpty(Optional.empty())))))
                .doOnNext(id -> id.ifPresent(i -> LOG.info("Tenant {}: {} {} produced (report {})", tenant.code(), kind.db(), period.label(), i)));
    }

    private Mono<Boolean> exists(Tenant tenant, ReportKind kind, CadencePeriod period) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM produced_reports WHERE kind = $1 AND period_kind = $2 AND period_from = $3",
                r -> r.get(0, Long.class) > 0, kind.db(), period.kind().db(), period.from()));
    }

    /** The report's document and figures as JSON, computed from the tenant's records now. */
    private record Computed(String document, @Nullable String figures) {
    }

    private Mono<Computed> compute(Tenant tenant, ReportKind kind, CadencePeriod period, Instant now) {
        if (kind == ReportKind.CONTRIBUTION) {
            return contribution.report(tenant, period.period()).map(r -> {
                ReportDocument d = ContributionDocument.of(r, tenant.nameVi());
                return new Computed(write(StoredDocument.of(new ReportDocument(d.title(),
                        prepend(period.label(), d.subtitleLines()), d.sections(), d.notes()))), write(r));
            });
        }
        ReportPeriod quarter = ReportPeriod.quarter(period.from().getYear(), (period.from().getMonthValue() - 1) / 3 + 1);
        return accounts.report(tenant, quarter)
                .map(r -> new Computed(write(StoredDocument.of(AccountActivityDocument.of(tenant, r, now.atOffset(ZoneOffset.UTC)))), null));
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    public Mono<List<ProducedReport>> list(Tenant tenant, Collection<ProducedReport.State> states) {
        List<String> codes = states.stream().map(StoredCode::db).toList();
        return db.flux(tenant, c -> c.query(SELECT + " ORDER BY period_to DESC, period_kind, kind, id DESC", this::row))
                .filter(r -> codes.contains(r.state().db())).collectList();
    }

    public Mono<Optional<ProducedReport>> find(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one(SELECT + " WHERE id = $1", this::row, id)).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The contribution report's figures as produced; empty for another kind. */
    public Mono<Optional<ContributionReport>> figures(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT figures::text FROM produced_reports WHERE id = $1 AND figures IS NOT NULL",
                        r -> r.get(0, String.class), id))
                .map(text -> Optional.of(read(text, ContributionReport.class))).defaultIfEmpty(Optional.empty());
    }

    public Mono<List<Step>> steps(Tenant tenant, long id) {
        return db.flux(tenant, c -> c.query("SELECT action, actor, note, at FROM produced_report_steps WHERE report_id = $1 ORDER BY at, id",
                r -> new Step(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, OffsetDateTime.class)), id))
                .collectList();
    }

    private static final String SELECT = """
            SELECT id, kind, period_kind, period_from, period_to, period_label, document::text, produced_at, revision, state,
                   signer_name, signer_title, signed_at, return_note FROM produced_reports""";

    private ProducedReport row(Readable r) {
        CadencePeriod period = new CadencePeriod(StoredCode.of(CadencePeriod.Kind.class, r.get(2, String.class)),
                r.get(3, LocalDate.class), r.get(4, LocalDate.class));
        return new ProducedReport(r.get(0, Long.class), StoredCode.of(ReportKind.class, r.get(1, String.class)), period,
                r.get(5, String.class), read(r.get(6, String.class), StoredDocument.class).document(), r.get(7, OffsetDateTime.class),
                r.get(8, Integer.class), StoredCode.of(ProducedReport.State.class, r.get(9, String.class)), r.get(10, String.class),
                r.get(11, String.class), r.get(12, OffsetDateTime.class), r.get(13, String.class));
    }

    // ---- signing off -----------------------------------------------------------------------------------------------

    /** Whether the tenant's approval policy lets a deputy head give the final approval, and so sign reports off. */
    private Mono<Boolean> signers(Tenant tenant) {
        return policies.current(tenant).map(p -> p.levels().stream().max(Comparator.comparingInt(ApprovalLevel::position))
                .map(l -> l.roles().contains(Role.DEPUTY_HEAD)).orElse(false)).defaultIfEmpty(false);
    }

    /** Whether {@code roles} may sign reports off in {@code tenant}: the head, or a deputy head where the policy allows. */
    public Mono<Boolean> maySign(Tenant tenant, Collection<Role> roles) {
        if (roles.contains(Role.HEAD)) {
            return Mono.just(true);
        }
        return roles.contains(Role.DEPUTY_HEAD) ? signers(tenant) : Mono.just(false);
    }

    /** Signs a waiting report off: from now on the board sees it, with the signer and the time. */
    public Mono<ProducedReport> sign(Tenant tenant, long id, Actor actor, Instant now) {
        return maySign(tenant, actor.roles()).flatMap(may -> !may
                ? Mono.error(SignOffRefused.forbidden("Chỉ Trưởng ban biên tập (hoặc Phó Trưởng ban theo quy trình duyệt của cổng) được ký duyệt báo cáo."))
                : db.mono(tenant, c -> c.one("""
                                UPDATE produced_reports SET state = 'signed', signed_by = $2, signer_name = $3, signer_title = $4, signed_at = $5
                                WHERE id = $1 AND state = 'waiting' RETURNING id""", r -> r.get(0, Long.class), id, actor.id(), actor.name(),
                        title(actor), now.atOffset(ZoneOffset.UTC))
                        .switchIfEmpty(Mono.error(() -> SignOffRefused.conflict("Báo cáo không ở trạng thái chờ ký duyệt (đã ký hoặc đã bị trả lại).")))
                        .flatMap(done -> step(c, id, "signed", actor.id(), actor.name(), null, now)
                                .then(audit.record(c, actor.id(), "report.signed", Map.of("report", id))))))
                .then(find(tenant, id)).map(Optional::orElseThrow);
    }

    /** Sends a waiting report back with a note (what to correct); the editors and the tenant admins are told. */
    public Mono<ProducedReport> sendBack(Tenant tenant, long id, Actor actor, @Nullable String note, Instant now) {
        String text = note == null ? "" : note.strip();
        return maySign(tenant, actor.roles()).flatMap(may -> !may
                ? Mono.error(SignOffRefused.forbidden("Chỉ người ký duyệt báo cáo được trả lại báo cáo."))
                : text.isEmpty() || text.length() > 2000 ? Mono.error(new IllegalArgumentException(text.isEmpty()
                        ? "Ghi rõ cần sửa gì trước khi lập lại báo cáo." : "Ghi chú tối đa 2.000 ký tự."))
                : db.mono(tenant, c -> c.one("""
                                UPDATE produced_reports SET state = 'returned', return_note = $2 WHERE id = $1 AND state = 'waiting'
                                RETURNING kind, period_label""", r -> r.get(0, String.class) + "|" + r.get(1, String.class), id, text)
                        .switchIfEmpty(Mono.error(() -> SignOffRefused.conflict("Chỉ trả lại được báo cáo đang chờ ký duyệt.")))
                        .flatMap(what -> step(c, id, "returned", actor.id(), actor.name(), text, now)
                                .then(audit.record(c, actor.id(), "report.returned", Map.of("report", id, "note", text)))
                                .then(c.update("""
                                        INSERT INTO notifications (account_id, message) SELECT id, $1 FROM accounts
                                        WHERE status = 'active' AND ('tenant_admin' = ANY (roles) OR 'editor' = ANY (roles))""",
                                        StoredCode.of(ReportKind.class, what.split("\\|")[0]).label() + " " + what.split("\\|", 2)[1]
                                                + " bị trả lại để sửa: " + text + " Sau khi sửa, lập lại báo cáo tại " + PAGE + id)))))
                .then(find(tenant, id)).map(Optional::orElseThrow);
    }

    /**
     * Produces a report that was sent back again from the records as they are now (after the corrections); it waits for
     * the sign-off again. The signers and the tenant admin may do it.
     */
    public Mono<ProducedReport> reproduce(Tenant tenant, long id, Actor actor, Instant now) {
        return maySign(tenant, actor.roles()).flatMap(may -> !may && !actor.roles().contains(Role.TENANT_ADMIN)
                ? Mono.error(SignOffRefused.forbidden("Chỉ người ký duyệt hoặc quản trị cổng được lập lại báo cáo."))
                : find(tenant, id).flatMap(found -> {
                    ProducedReport r = found.orElseThrow(() -> new IllegalStateException("no report " + id));
                    if (r.state() != ProducedReport.State.RETURNED) {
                        return Mono.error(SignOffRefused.conflict("Chỉ lập lại được báo cáo đã bị trả lại."));
                    }
                    return compute(tenant, r.kind(), r.period(), now).flatMap(doc -> signers(tenant).flatMap(deputies -> db.mono(tenant, c -> c.one("""
                                    UPDATE produced_reports SET document = $2::jsonb, figures = $3::jsonb, produced_at = $4, revision = revision + 1,
                                           state = 'waiting', return_note = NULL WHERE id = $1 AND state = 'returned' RETURNING id""",
                                    x -> x.get(0, Long.class), id, doc.document(), vn.cong.system.Sql.orNull(doc.figures(), String.class),
                                    now.atOffset(ZoneOffset.UTC))
                            .switchIfEmpty(Mono.error(() -> SignOffRefused.conflict("Báo cáo vừa được người khác lập lại.")))
                            .flatMap(done -> step(c, id, "reproduced", actor.id(), actor.name(), null, now)
                                    .then(audit.record(c, actor.id(), "report.reproduced", Map.of("report", id)))
                                    .then(notifySigners(c, deputies, r.kind().label() + " " + r.periodLabel()
                                            + " đã được lập lại sau khi sửa, chờ ký duyệt: " + PAGE + id))))));
                }))
                .then(find(tenant, id)).map(Optional::orElseThrow);
    }

    private static String title(Actor actor) {
        return actor.roles().contains(Role.HEAD) ? Role.HEAD.label() : Role.DEPUTY_HEAD.label();
    }

    private static Mono<Long> notifySigners(TenantTx c, boolean deputies, String message) {
        return c.update("""
                INSERT INTO notifications (account_id, message) SELECT id, $1 FROM accounts
                WHERE status = 'active' AND ('head' = ANY (roles) OR ($2 AND 'deputy_head' = ANY (roles)))""", message, deputies);
    }

    private static Mono<Long> step(TenantTx c, long id, String action, @Nullable Long actorId, String actor, @Nullable String note, Instant now) {
        return c.update("INSERT INTO produced_report_steps (report_id, action, actor_id, actor, note, at) VALUES ($1, $2, $3, $4, $5, $6)",
                id, action, vn.cong.system.Sql.orNull(actorId, Long.class), actor, vn.cong.system.Sql.orNull(note, String.class),
                now.atOffset(ZoneOffset.UTC));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
