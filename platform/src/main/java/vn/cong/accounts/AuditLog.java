package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the tenant's {@code audit_log} inside the caller's transaction, so a change and its record commit together. */
@Singleton
public class AuditLog {

    private final JsonMapper json;

    public AuditLog(JsonMapper json) {
        this.json = json;
    }

    public Mono<Long> record(TenantTx c, @Nullable Long actorId, String action, Map<String, ?> details) {
        return c.update("INSERT INTO audit_log (actor_id, action, details) VALUES ($1, $2, $3::jsonb)",
                Sql.orNull(actorId, Long.class), action, toJson(details));
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
