package vn.cong.ops;

import vn.cong.system.StoredCode;
import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The operator's audit trail ({@code platform.operator_audit}, append-only in the database): one
 * row per action through the API or the console, whatever its outcome. Action names are dotted,
 * {@code ops.<area>.<verb>}, e.g. {@code ops.backup.start}, {@code ops.login.failed}.
 */
@Singleton
public class OperatorAudit {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAudit.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final PlatformDatabase db;
    private final OperatorAuditRepository rows;
    private final JsonMapper json;

    OperatorAudit(PlatformDatabase db, OperatorAuditRepository rows, JsonMapper json) {
        this.db = db;
        this.rows = rows;
        this.json = json;
    }

    public enum Outcome implements StoredCode {
        /** done (or, for long work, started) */
        OK,
        /** refused: bad input, not allowed, wrong password */
        REFUSED,
        /** tried and failed */
        FAILED;
    }

    /** One row of the trail, as the console shows it. */
    public record Entry(long id, String at, String actor, String action, @Nullable String tenantCode, String details,
                        String outcome, @Nullable String remoteAddress, String channel) {
    }

    /**
     * Appends one row. The action has already happened (or been refused), so a failure to write the
     * row is logged as an ALERT rather than undoing it; the returned Mono never errors.
     */
    public Mono<Void> record(OperatorActor who, String action, @Nullable String tenantCode, Outcome outcome, Map<String, ?> details) {
        return db.mono(c -> c.update("""
                                INSERT INTO platform.operator_audit (actor, action, tenant_code, details, outcome, remote_address, channel)
                                VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)""",
                        who.name(), action, Sql.orNull(tenantCode, String.class), toJson(details), outcome.db(),
                        Sql.orNull(who.remoteAddress(), String.class), who.channel().db()))
                .doOnSuccess(n -> LOG.info("Operator {} ({} from {}): {} {} {} {}", who.name(), who.channel().db(), who.remoteAddress(),
                        action, tenantCode == null ? "-" : tenantCode, outcome.db(), details))
                .onErrorResume(e -> {
                    LOG.error("ALERT operator audit row not written: {} {} {} {}: {}", who, action, tenantCode, outcome, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** The newest rows first, optionally only of one tenant and/or of actions starting with {@code actionPrefix}. */
    public Flux<Entry> recent(@Nullable String tenantCode, @Nullable String actionPrefix, int limit) {
        return db.flux(tx -> rows.recent(blankToNull(tenantCode), blankToNull(actionPrefix), limit, tx)).map(OperatorAudit::entry);
    }

    /** The distinct action names recorded so far, for the console's filter. */
    public Flux<String> actions() {
        return db.flux(rows::actions);
    }

    private static Entry entry(OperatorAuditRow r) {
        return new Entry(r.id(), r.at().atZoneSameInstant(VietnamTime.ZONE).format(WHEN), r.actor(), r.action(), r.tenantCode(),
                r.details(), r.outcome(), r.remoteAddress(), r.channel());
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
