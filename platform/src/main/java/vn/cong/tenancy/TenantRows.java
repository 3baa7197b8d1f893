package vn.cong.tenancy;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One tenant's rows in the {@code platform} tables that hold every tenant's ({@code backup_runs},
 * {@code operator_audit}, {@code uptime_checks}, …). The tenant code is always {@code $1}, bound here from
 * the {@link Tenant}: the caller's parameters are {@code $2, $3, …}, and a statement that does not filter
 * on {@code tenant_code = $1} (nor insert it) is refused before it runs, so no query can forget the tenant.
 */
public final class TenantRows {

    /** {@code tenant_code = $1}, {@code $1 = ANY (tenant_codes)}, or an insert whose first column is the tenant's. */
    private static final Pattern FILTERED = Pattern.compile(
            "tenant_code\\s*=\\s*\\$1(?!\\d)|\\$1\\s*=\\s*ANY\\s*\\(\\s*(\\w+\\.)?tenant_codes\\s*\\)"
                    + "|(?is)^\\s*INSERT\\s+INTO\\s+platform\\.\\w+\\s*\\(\\s*tenant_code\\s*,.*\\bVALUES\\s*\\(\\s*\\$1\\s*,");

    private final Transaction tx;
    private final Tenant tenant;

    TenantRows(Transaction tx, Tenant tenant) {
        this.tx = tx;
        this.tenant = tenant;
    }

    public Tenant tenant() {
        return tenant;
    }

    public <T> Flux<T> query(String sql, Function<Readable, T> mapper, Object... params) {
        return Flux.defer(() -> tx.query(checked(sql), mapper, withTenant(params)));
    }

    public <T> Mono<T> one(String sql, Function<Readable, T> mapper, Object... params) {
        return Mono.defer(() -> tx.one(checked(sql), mapper, withTenant(params)));
    }

    public Mono<Long> update(String sql, Object... params) {
        return Mono.defer(() -> tx.update(checked(sql), withTenant(params)));
    }

    private static String checked(String sql) {
        if (!FILTERED.matcher(sql).find()) {
            throw new IllegalArgumentException("A per-tenant platform query must filter on tenant_code = $1: " + sql);
        }
        return sql;
    }

    private Object[] withTenant(Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = tenant.code();
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }
}
