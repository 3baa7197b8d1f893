package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's regulation profile: the preset it follows and the values its admin changed. The approval
 * policy is the one in {@code workflow_settings}; every other changed value is a row of
 * {@code regulation_values}. Choosing a preset (manifest {@code profile:}, the operator) resets every value
 * to it; each change is in the tenant's audit log.
 */
@Singleton
public class RegulationProfiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegulationProfiles.class);

    private final TenantDatabase db;
    private final AuditLog audit;
    private final List<ProfileFollower> followers;

    public RegulationProfiles(TenantDatabase db, AuditLog audit, List<ProfileFollower> followers) {
        this.db = db;
        this.audit = audit;
        this.followers = followers;
    }

    /** One value as the staff page shows it: the preset's, the tenant's, and whether they differ. */
    public record Row(ProfileValue value, String presetCode, String currentCode) {

        public boolean differs() {
            return !presetCode.equals(currentCode);
        }

        public String presetLabel() {
            return value.optionLabel(presetCode);
        }

        public String currentLabel() {
            return value.optionLabel(currentCode);
        }
    }

    /**
     * The tenant's profile: its preset and every value. Deadline rules the admin did not set follow the
     * approval policy (each preset's policy carries the same agency's rules).
     */
    public record Profile(RegulationPreset preset, List<Row> rows, java.util.Optional<String> changedDeadlines) {

        public Map<ProfileValue, String> values() {
            Map<ProfileValue, String> v = new EnumMap<>(ProfileValue.class);
            rows.forEach(r -> v.put(r.value(), r.currentCode()));
            return v;
        }

        public long differing() {
            return rows.stream().filter(Row::differs).count();
        }
    }

    public Mono<Profile> profile(Tenant tenant) {
        return db.mono(tenant, RegulationProfiles::profile);
    }

    /** Read inside a tenant transaction (the workflow reads the deadline values with the policy). */
    static Mono<Profile> profile(TenantTx c) {
        return c.one("SELECT preset FROM regulation_profile WHERE id = 1", r -> r.get(0, String.class))
                .map(code -> RegulationPreset.of(code).orElse(RegulationPreset.MOST))
                .defaultIfEmpty(RegulationPreset.MOST)
                .flatMap(preset -> c.query("SELECT key, value FROM regulation_values", r -> Map.entry(r.get(0, String.class), r.get(1, String.class)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .flatMap(changed -> c.one("""
                                        SELECT s.policy_code, p.deadline_preset FROM workflow_settings s
                                        JOIN workflow_policies p ON p.code = s.policy_code WHERE s.id = 1""",
                                        r -> new String[]{r.get(0, String.class), r.get(1, String.class)})
                                .map(policy -> {
                                    Map<ProfileValue, String> presetValues = preset.presetValues();
                                    List<Row> rows = new ArrayList<>();
                                    for (ProfileValue v : ProfileValue.values()) {
                                        String current = v == ProfileValue.APPROVAL ? policy[0]
                                                : v == ProfileValue.DEADLINES ? changed.getOrDefault(v.key(), policy[1])
                                                : changed.getOrDefault(v.key(), presetValues.get(v));
                                        rows.add(new Row(v, presetValues.get(v), current));
                                    }
                                    return new Profile(preset, rows, java.util.Optional.ofNullable(changed.get(ProfileValue.DEADLINES.key())));
                                })));
    }

    /**
     * Makes the tenant follow {@code preset}: every value back to the preset's, its approval policy
     * included (items already on their way keep theirs). @return whether anything changed
     */
    public Mono<Boolean> choose(Tenant tenant, RegulationPreset preset, @Nullable Long actorId) {
        return db.mono(tenant, c -> profile(c).flatMap(before -> {
            boolean same = before.preset() == preset && before.differing() == 0;
            if (same) {
                return Mono.just(false);
            }
            return c.update("UPDATE regulation_profile SET preset = $1, chosen_at = now() WHERE id = 1", preset.code())
                    .then(c.update("DELETE FROM regulation_values"))
                    .then(c.update("UPDATE workflow_settings SET policy_code = $1 WHERE id = 1", preset.presetValues().get(ProfileValue.APPROVAL)))
                    .then(audit.record(c, actorId, "regulation.preset_chosen", Map.of("from", before.preset().code(), "to", preset.code())))
                    .thenReturn(true);
        })).flatMap(changed -> changed ? tellFollowers(tenant).thenReturn(true) : Mono.just(false));
    }

    /**
     * A manifest's {@code profile:}: switches to {@code preset} only when the tenant follows another one,
     * so applying the manifest again never undoes what the tenant admin changed since. @return whether it switched
     */
    public Mono<Boolean> follow(Tenant tenant, RegulationPreset preset) {
        return profile(tenant).flatMap(p -> p.preset() == preset ? Mono.just(false) : choose(tenant, preset, null));
    }

    /**
     * Sets one value; refused (field {@code value}) when the code is not one of its options.
     * @return whether it changed
     */
    public Mono<Boolean> set(Tenant tenant, ProfileValue value, String code, @Nullable Long actorId) {
        if (!value.options().containsKey(code)) {
            return Mono.error(new SubmissionRejected(Map.of("value", "«" + code + "» không phải một lựa chọn của «" + value.label() + "».")));
        }
        return db.mono(tenant, c -> profile(c).flatMap(before -> {
            Row row = before.rows().stream().filter(r -> r.value() == value).findFirst().orElseThrow();
            if (row.currentCode().equals(code)) {
                return Mono.just(false);
            }
            Mono<Long> write = value == ProfileValue.APPROVAL
                    ? c.update("UPDATE workflow_settings SET policy_code = $1 WHERE id = 1", code)
                    // back to the preset's value: no row (deadline rules keep theirs, or they would follow the policy)
                    : code.equals(row.presetCode()) && value != ProfileValue.DEADLINES
                    ? c.update("DELETE FROM regulation_values WHERE key = $1", value.key())
                    : c.update("""
                            INSERT INTO regulation_values (key, value, changed_by) VALUES ($1, $2, $3)
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = now()""",
                            value.key(), code, vn.cong.system.Sql.orNull(actorId, Long.class));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("key", value.key());
            details.put("from", row.currentCode());
            details.put("to", code);
            details.put("preset", row.presetCode());
            return write.then(audit.record(c, actorId, "regulation.value_changed", details)).thenReturn(true);
        })).flatMap(changed -> changed ? tellFollowers(tenant).thenReturn(true) : Mono.just(false));
    }

    /** After a committed change: every follower hears the profile as it now stands (the backup schedule, …). */
    private Mono<Void> tellFollowers(Tenant tenant) {
        if (followers.isEmpty()) {
            return Mono.empty();
        }
        return profile(tenant).flatMap(p -> reactor.core.publisher.Flux.fromIterable(followers)
                .concatMap(f -> f.profileChanged(tenant, p.values()).onErrorResume(e -> {
                    LOG.error("Tenant {}: {} did not follow the regulation profile change", tenant.code(), f.getClass().getSimpleName(), e);
                    return Mono.empty();
                }))
                .then());
    }
}
