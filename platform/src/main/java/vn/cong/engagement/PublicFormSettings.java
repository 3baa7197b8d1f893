package vn.cong.engagement;

import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's settings for its public forms (one row, migration V301): rate limits, comment confirmation and
 * whether approved comments are shown, how long personal data is kept, and how the Q&A deadlines read "days".
 */
@Singleton
public class PublicFormSettings {

    private final TenantDatabase db;
    private final AuditLog audit;

    public PublicFormSettings(TenantDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The settings; the defaults are 3 posts per address per 10 minutes and 5 per e-mail per day. */
    public record Settings(int perAddressLimit, Duration perAddressWindow, int perEmailLimit, Duration perEmailWindow,
                           boolean confirmComments, int anonymiseAfterMonths, DayReading qaDayReading, boolean showApprovedComments) {

        /** Settings that show approved comments on the drafts' pages (seed 003 Đ11.6 publishes them). */
        public Settings(int perAddressLimit, Duration perAddressWindow, int perEmailLimit, Duration perEmailWindow,
                        boolean confirmComments, int anonymiseAfterMonths, DayReading qaDayReading) {
            this(perAddressLimit, perAddressWindow, perEmailLimit, perEmailWindow, confirmComments, anonymiseAfterMonths, qaDayReading, true);
        }

        public static Settings defaults() {
            return new Settings(3, Duration.ofMinutes(10), 5, Duration.ofHours(24), true, 24, DayReading.WORKING, true);
        }

        /** The same settings with the two switches of comments on drafts changed. */
        public Settings withComments(boolean confirm, boolean show) {
            return new Settings(perAddressLimit, perAddressWindow, perEmailLimit, perEmailWindow, confirm, anonymiseAfterMonths, qaDayReading, show);
        }
    }

    public Mono<Settings> of(Tenant tenant) {
        return db.mono(tenant, PublicFormSettings::read).defaultIfEmpty(Settings.defaults());
    }

    /**
     * The tenant admin's change of the limits, the personal-data period and the day reading (staff screen "Biểu mẫu
     * công khai"): written with its audit entry ({@code public_forms.settings}: each changed value, before and after)
     * in one transaction; the comment switches stay as they are (the comments screen sets them).
     */
    public Mono<Void> change(Tenant tenant, long actorId, int perAddressLimit, int perAddressMinutes, int perEmailLimit,
                             int perEmailHours, int anonymiseAfterMonths, DayReading qaDayReading) {
        return db.mono(tenant, c -> read(c).defaultIfEmpty(Settings.defaults()).flatMap(before -> {
            Settings after = new Settings(perAddressLimit, Duration.ofMinutes(perAddressMinutes), perEmailLimit,
                    Duration.ofHours(perEmailHours), before.confirmComments(), anonymiseAfterMonths, qaDayReading, before.showApprovedComments());
            Map<String, Object> changed = new LinkedHashMap<>();
            note(changed, "per_address_limit", before.perAddressLimit(), after.perAddressLimit());
            note(changed, "per_address_minutes", before.perAddressWindow().toMinutes(), after.perAddressWindow().toMinutes());
            note(changed, "per_email_limit", before.perEmailLimit(), after.perEmailLimit());
            note(changed, "per_email_hours", before.perEmailWindow().toHours(), after.perEmailWindow().toHours());
            note(changed, "anonymise_after_months", before.anonymiseAfterMonths(), after.anonymiseAfterMonths());
            note(changed, "qa_day_reading", before.qaDayReading().db(), after.qaDayReading().db());
            return write(c, after).then(changed.isEmpty() ? Mono.empty() : audit.record(c, actorId, "public_forms.settings", changed));
        })).then();
    }

    private static void note(Map<String, Object> changed, String key, Object before, Object after) {
        if (!before.equals(after)) {
            changed.put(key, Map.of("before", before, "after", after));
        }
    }

    private static Mono<Settings> read(TenantTx c) {
        return c.one("""
                SELECT per_address_limit, per_address_minutes, per_email_limit, per_email_hours, confirm_comments,
                       anonymise_after_months, qa_day_reading, show_approved_comments FROM public_form_settings""", PublicFormSettings::settings);
    }

    /** Changes the rate limits and the day reading (staff settings screen, tests). */
    public Mono<Void> save(Tenant tenant, Settings s) {
        return db.mono(tenant, c -> write(c, s)).then();
    }

    private static Mono<Long> write(TenantTx c, Settings s) {
        return c.update("""
                UPDATE public_form_settings SET per_address_limit = $1, per_address_minutes = $2, per_email_limit = $3, per_email_hours = $4,
                    confirm_comments = $5, anonymise_after_months = $6, qa_day_reading = $7,
                    show_approved_comments = $8""",
                s.perAddressLimit(), (int) s.perAddressWindow().toMinutes(), s.perEmailLimit(), (int) s.perEmailWindow().toHours(),
                s.confirmComments(), s.anonymiseAfterMonths(), s.qaDayReading().db(), s.showApprovedComments());
    }

    private static Settings settings(Readable r) {
        return new Settings(r.get(0, Integer.class), Duration.ofMinutes(r.get(1, Integer.class)), r.get(2, Integer.class),
                Duration.ofHours(r.get(3, Integer.class)), Boolean.TRUE.equals(r.get(4, Boolean.class)), r.get(5, Integer.class),
                DayReading.of(r.get(6, String.class)), Boolean.TRUE.equals(r.get(7, Boolean.class)));
    }
}
