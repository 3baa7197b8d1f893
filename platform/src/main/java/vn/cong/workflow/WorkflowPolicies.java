package vn.cong.workflow;

import io.r2dbc.spi.Readable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The approval policies of a tenant (rows in its schema) and which one it has chosen. */
@Singleton
public class WorkflowPolicies {

    private final TenantDatabase db;

    public WorkflowPolicies(TenantDatabase db) {
        this.db = db;
    }

    /** The policy the tenant has chosen. */
    public Mono<ApprovalPolicy> current(Tenant tenant) {
        return db.mono(tenant, WorkflowPolicies::current);
    }

    public Mono<List<ApprovalPolicy>> all(Tenant tenant) {
        return db.mono(tenant, c -> c.query("SELECT code FROM workflow_policies ORDER BY code", r -> r.get(0, String.class))
                .collectList()
                .flatMapMany(codes -> reactor.core.publisher.Flux.fromIterable(codes).concatMap(code -> load(c, code)))
                .collectList());
    }

    /**
     * Makes {@code code} the tenant's policy; items already on their way keep the policy they were
     * submitted under. @return whether the choice changed
     */
    public Mono<Boolean> choose(Tenant tenant, String code) {
        return db.mono(tenant, c -> c.one("SELECT code FROM workflow_policies WHERE code = $1", r -> r.get(0, String.class), code)
                .switchIfEmpty(Mono.error(() -> new SubmissionRejected(Map.of("workflow", "Không có quy trình duyệt mã «" + code + "»."))))
                .flatMap(found -> c.update("UPDATE workflow_settings SET policy_code = $1 WHERE id = 1 AND policy_code <> $1", code))
                .map(n -> n > 0));
    }

    static Mono<ApprovalPolicy> current(TenantTx c) {
        return c.one("SELECT policy_code FROM workflow_settings WHERE id = 1", r -> r.get(0, String.class))
                .flatMap(code -> load(c, code));
    }

    static Mono<ApprovalPolicy> load(TenantTx c, String code) {
        return c.query("SELECT position, name, roles FROM workflow_levels WHERE policy_code = $1 ORDER BY position",
                        r -> new ApprovalLevel(r.get("position", Integer.class), r.get("name", String.class), roles(r, "roles")), code)
                .collectList()
                .flatMap(levels -> c.query("SELECT sensitivity, levels FROM workflow_sensitivity_levels WHERE policy_code = $1",
                                r -> Map.entry(Sensitivity.parse(r.get(0, String.class)).orElseThrow(), r.get(1, Integer.class)), code)
                        .collectList()
                        .flatMap(required -> c.one("""
                                        SELECT code, name, description, editor_roles, publisher_roles, takedown_roles, deadline_preset
                                        FROM workflow_policies WHERE code = $1""",
                                r -> {
                                    Map<Sensitivity, Integer> bySensitivity = new EnumMap<>(Sensitivity.class);
                                    required.forEach(e -> bySensitivity.put(e.getKey(), e.getValue()));
                                    return new ApprovalPolicy(r.get("code", String.class), r.get("name", String.class),
                                            r.get("description", String.class), roles(r, "editor_roles"), roles(r, "publisher_roles"),
                                            roles(r, "takedown_roles"), r.get("deadline_preset", String.class), new ArrayList<>(levels),
                                            bySensitivity);
                                }, code)))
                // deadlines follow the tenant's profile (its deadline rules, else the policy's; its readings),
                // whatever policy the item travels under
                .flatMap(policy -> RegulationProfiles.profile(c).map(profile -> policy.withDeadlines(
                        profile.changedDeadlines().orElse(policy.deadlinePreset()), ProfileValue.readings(profile.values()))));
    }

    private static Set<Role> roles(Readable r, String column) {
        String[] names = r.get(column, String[].class);
        return names == null ? Set.of() : Arrays.stream(names).map(Role::parse).flatMap(java.util.Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
