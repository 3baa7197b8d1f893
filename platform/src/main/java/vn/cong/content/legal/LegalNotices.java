package vn.cong.content.legal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.DraftRejected;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portal's footer legal block as its tenant admin keeps it: read with the site's structure, changed here with
 * every page refreshed on every node at once and the change in the tenant's audit log ({@code legal_notice.update}).
 */
@Singleton
public class LegalNotices {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+().\\-\\s/,;a-zA-ZÀ-ỹ:]*$");
    private static final int MAX = 300;

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final AuditLog audit;

    LegalNotices(TenantDatabase db, PublicChanges changes, AuditLog audit) {
        this.db = db;
        this.changes = changes;
        this.audit = audit;
    }

    public Mono<LegalNotice> of(Tenant tenant) {
        return db.mono(tenant, LegalNotices::read);
    }

    /** Inside a transaction already open on the tenant (the site structure's load). */
    public static Mono<LegalNotice> read(TenantTx c) {
        return c.one("""
                        SELECT address_vi, address_en, phone, email, licence_vi, licence_en, responsible_vi, responsible_en
                        FROM legal_notice""",
                        r -> new LegalNotice(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class)))
                .defaultIfEmpty(LegalNotice.EMPTY);
    }

    /** Saves the block; fails with {@link DraftRejected} naming each bad field (Vietnamese), nothing saved. */
    public Mono<Void> save(Tenant tenant, @Nullable Long actorId, LegalNotice notice) {
        Map<String, String> problems = problems(notice);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return changes.inTenant(tenant, (c, change) -> read(c).flatMap(before -> c.update("""
                                INSERT INTO legal_notice (id, address_vi, address_en, phone, email, licence_vi, licence_en,
                                                          responsible_vi, responsible_en, updated_at, updated_by)
                                VALUES (true, $1, $2, $3, $4, $5, $6, $7, $8, now(), $9)
                                ON CONFLICT (id) DO UPDATE SET address_vi = $1, address_en = $2, phone = $3, email = $4,
                                    licence_vi = $5, licence_en = $6, responsible_vi = $7, responsible_en = $8,
                                    updated_at = now(), updated_by = $9""",
                        notice.addressVi(), notice.addressEn(), notice.phone(), notice.email(), notice.licenceVi(),
                        notice.licenceEn(), notice.responsibleVi(), notice.responsibleEn(), Sql.orNull(actorId, Long.class))
                .then(audit.record(c, actorId, "legal_notice.update", changed(before, notice)))
                .then(change.pagesOf(tenant)))).then();
    }

    static Map<String, String> problems(LegalNotice n) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> long_ = Map.of("addressVi", n.addressVi(), "addressEn", n.addressEn(), "licenceVi", n.licenceVi(),
                "licenceEn", n.licenceEn(), "responsibleVi", n.responsibleVi(), "responsibleEn", n.responsibleEn());
        long_.forEach((field, value) -> {
            if (value.length() > MAX) {
                problems.put(field, "Tối đa " + MAX + " ký tự (đang có " + value.length() + ").");
            }
        });
        if (n.phone().length() > 100 || !PHONE.matcher(n.phone()).matches()) {
            problems.put("phone", "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . - / (tối đa 100 ký tự).");
        }
        if (!n.email().isEmpty() && (n.email().length() > 254 || !EMAIL.matcher(n.email()).matches())) {
            problems.put("email", "Địa chỉ thư điện tử chưa đúng (ví dụ: banbientap@most.gov.vn).");
        }
        return problems;
    }

    private static Map<String, Object> changed(LegalNotice before, LegalNotice after) {
        Map<String, Object> details = new LinkedHashMap<>();
        String[][] pairs = {{"address_vi", before.addressVi(), after.addressVi()}, {"address_en", before.addressEn(), after.addressEn()},
                {"phone", before.phone(), after.phone()}, {"email", before.email(), after.email()},
                {"licence_vi", before.licenceVi(), after.licenceVi()}, {"licence_en", before.licenceEn(), after.licenceEn()},
                {"responsible_vi", before.responsibleVi(), after.responsibleVi()},
                {"responsible_en", before.responsibleEn(), after.responsibleEn()}};
        for (String[] p : pairs) {
            if (!p[1].equals(p[2])) {
                details.put(p[0], Map.of("from", p[1], "to", p[2]));
            }
        }
        return details;
    }
}
