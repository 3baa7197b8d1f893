package vn.cong.content.about;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.DraftRejected;
import vn.cong.content.KindDetails;
import vn.cong.content.Publishing;
import vn.cong.content.RichText;
import vn.cong.content.SavedItem;
import vn.cong.content.about.AboutEntries.Leader;
import vn.cong.content.about.AboutEntries.Phone;
import vn.cong.content.about.AboutEntries.Unit;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.PublicChanges;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The about pages (giới thiệu) [000 Đ4.1; 001 Đ13.1: kept online and updated on change]: four text
 * pages per language, items of kind {@code page} saved and published like any item, and the
 * leadership, organisation chart and phone directory, lists that go online as they are saved.
 */
@Singleton
public class AboutPages {

    public static final String KIND = "page";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final Publishing publishing;

    public AboutPages(TenantDatabase db, PublicChanges changes, Publishing publishing) {
        this.db = db;
        this.changes = changes;
        this.publishing = publishing;
    }

    /** A text page as editors and the public see it. */
    public record TextPage(long id, int version, String state, String title, String bodyHtml, OffsetDateTime updatedAt) {
    }

    /** The text page of {@code role} in {@code lang}, in any state (editors). */
    public Mono<TextPage> page(Tenant tenant, StandingRole role, String lang) {
        return db.mono(tenant, c -> c.one("""
                        SELECT i.id, i.version, i.state, i.title, i.body_html, i.updated_at FROM standing_pages s
                        JOIN content_items i ON i.id = s.item_id WHERE s.role = $1 AND s.language = $2""",
                AboutPages::textPage, role.db(), lang));
    }

    /** The text page of {@code role} in {@code lang} if it is public. */
    public Mono<Optional<TextPage>> published(Tenant tenant, StandingRole role, String lang) {
        return db.mono(tenant, c -> c.query("""
                        SELECT i.id, i.version, i.state, i.title, i.body_html, i.updated_at FROM standing_pages s
                        JOIN content_items i ON i.id = s.item_id
                        WHERE s.role = $1 AND s.language = $2 AND i.state = 'published' AND i.published_at <= now()""",
                AboutPages::textPage, role.db(), lang).collectList().map(rows -> rows.stream().findFirst()));
    }

    /** Saves the text of a page (creating its item the first time); {@code expectedVersion} as for any item. */
    public Mono<SavedItem> saveText(Tenant tenant, StandingRole role, String lang, String title, String bodyHtml, int expectedVersion,
                                    long actorId) {
        return page(tenant, role, lang).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(existing -> {
            Draft draft = new Draft(existing.map(TextPage::id).orElse(null), expectedVersion, KIND, null, lang, role.slug(),
                    title, "", bodyHtml, null, null, null, false, actorId);
            return publishing.saveDraft(tenant, draft, new KindDetails() {
                @Override
                public Map<String, String> problems() {
                    return Map.of();
                }

                @Override
                public Mono<Void> save(TenantTx c, long itemId) {
                    return c.update("INSERT INTO standing_pages (role, language, item_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                            role.db(), lang, itemId).then();
                }
            });
        });
    }

    public Mono<List<Leader>> leaders(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT id, full_name, job_title, bio, photo_url, photo_alt, position FROM leaders ORDER BY position, id",
                r -> new Leader(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, Integer.class)))).collectList();
    }

    public Mono<List<Unit>> units(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT id, parent_id, name, duties, position FROM org_units ORDER BY position, id",
                r -> new Unit(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Integer.class)))).collectList();
    }

    public Mono<List<Phone>> phones(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT id, full_name, job_title, unit, phone, email, position FROM phone_directory"
                        + " ORDER BY position, unit, id",
                r -> new Phone(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, Integer.class)))).collectList();
    }

    /** Adds a leader ({@code id} null) or changes one of this tenant's. */
    public Mono<Void> saveLeader(Tenant tenant, Leader l) {
        Map<String, String> p = new LinkedHashMap<>();
        required(p, "fullName", l.fullName(), "Họ và tên không được để trống.");
        required(p, "jobTitle", l.jobTitle(), "Chức vụ không được để trống.");
        String photo = RichText.plain(l.photoUrl());
        if (!photo.isEmpty() && !(photo.startsWith("https://") || (photo.startsWith("/") && !photo.startsWith("//")))) {
            p.put("photoUrl", "Ảnh phải là địa chỉ https:// hoặc đường dẫn trong cổng (tải ảnh lên ở trang bài viết hoặc thư viện ảnh).");
        }
        return refuseOr(p, () -> changing(tenant, l.id(), c -> c.update(l.id() == null ? """
                        INSERT INTO leaders (full_name, job_title, bio, photo_url, photo_alt, position) VALUES ($1, $2, $3, $4, $5, $6)""" : """
                        UPDATE leaders SET full_name = $1, job_title = $2, bio = $3, photo_url = $4, photo_alt = $5, position = $6 WHERE id = $7""",
                withId(l.id(), RichText.plain(l.fullName()), RichText.plain(l.jobTitle()), RichText.plain(l.bio()),
                        Sql.orNull(photo.isEmpty() ? null : photo, String.class), Sql.orNull(blankToNull(l.photoAlt()), String.class), l.position()))));
    }

    public Mono<Void> saveUnit(Tenant tenant, Unit u) {
        Map<String, String> p = new LinkedHashMap<>();
        required(p, "name", u.name(), "Tên đơn vị không được để trống.");
        if (u.id() != null && u.id().equals(u.parentId())) {
            p.put("parentId", "Một đơn vị không thể trực thuộc chính nó.");
        }
        return refuseOr(p, () -> db.mono(tenant, c -> u.parentId() == null ? Mono.just(true)
                        : c.one("""
                                WITH RECURSIVE up AS (SELECT id, parent_id FROM org_units WHERE id = $1
                                    UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
                                SELECT bool_and(id <> $2) FROM up""", r -> Boolean.TRUE.equals(r.get(0, Boolean.class)),
                        u.parentId(), u.id() == null ? -1L : u.id()).defaultIfEmpty(false))
                .flatMap(parentOk -> !parentOk
                        ? Mono.error(new DraftRejected(Map.of("parentId", "Đơn vị cấp trên không hợp lệ (không có, hoặc trực thuộc chính đơn vị này).")))
                        : changing(tenant, u.id(), c -> c.update(u.id() == null
                                        ? "INSERT INTO org_units (parent_id, name, duties, position) VALUES ($1, $2, $3, $4)"
                                        : "UPDATE org_units SET parent_id = $1, name = $2, duties = $3, position = $4 WHERE id = $5",
                                withId(u.id(), Sql.orNull(u.parentId(), Long.class), RichText.plain(u.name()), RichText.plain(u.duties()), u.position())))));
    }

    public Mono<Void> savePhone(Tenant tenant, Phone e) {
        Map<String, String> p = new LinkedHashMap<>();
        required(p, "fullName", e.fullName(), "Họ và tên không được để trống.");
        String email = RichText.plain(e.email());
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            p.put("email", "Địa chỉ thư điện tử «" + email + "» không hợp lệ.");
        }
        if (RichText.plain(e.phone()).isEmpty() && email.isEmpty()) {
            p.put("phone", "Cần ít nhất số điện thoại hoặc thư điện tử.");
        }
        return refuseOr(p, () -> changing(tenant, e.id(), c -> c.update(e.id() == null
                        ? "INSERT INTO phone_directory (full_name, job_title, unit, phone, email, position) VALUES ($1, $2, $3, $4, $5, $6)"
                        : "UPDATE phone_directory SET full_name = $1, job_title = $2, unit = $3, phone = $4, email = $5, position = $6 WHERE id = $7",
                withId(e.id(), RichText.plain(e.fullName()), RichText.plain(e.jobTitle()), RichText.plain(e.unit()), RichText.plain(e.phone()),
                        email, e.position()))));
    }

    /** Removes an entry of one of the lists ({@code leaders}, {@code org_units}, {@code phone_directory}); false when this tenant has no such entry. */
    public Mono<Boolean> remove(Tenant tenant, AboutList list, long id) {
        return changes.inTenant(tenant, (c, change) -> (list == AboutList.UNITS
                        ? c.update("UPDATE org_units SET parent_id = (SELECT parent_id FROM org_units WHERE id = $1) WHERE parent_id = $1", id)
                        : Mono.just(0L))
                        .then(c.update("DELETE FROM " + list.table() + " WHERE id = $1", id))
                        .flatMap(n -> n > 0 ? change.pagesOf(tenant).thenReturn(true) : Mono.just(false)));
    }

    /** The three lists of the about pages, by their table. */
    public enum AboutList {
        LEADERS("leaders"), UNITS("org_units"), PHONES("phone_directory");

        private final String table;

        AboutList(String table) {
            this.table = table;
        }

        String table() {
            return table;
        }
    }

    /** Writes a change to a list and moves the content version; an update of an id this tenant has not is "not found". */
    private Mono<Void> changing(Tenant tenant, @Nullable Long id, Function<TenantTx, Mono<Long>> change) {
        return changes.inTenant(tenant, (c, publicChange) -> change.apply(c).flatMap(n -> {
                    if (n == 0) {
                        return Mono.<Long>error(new DraftRejected(Map.of("id", "Mục " + id + " không có trong cổng này.")));
                    }
                    return publicChange.pagesOf(tenant);
                }))
                .then();
    }

    private static Mono<Void> refuseOr(Map<String, String> problems, java.util.function.Supplier<Mono<Void>> then) {
        return problems.isEmpty() ? Mono.defer(then) : Mono.error(new DraftRejected(problems));
    }

    private static void required(Map<String, String> problems, String field, @Nullable String value, String message) {
        if (RichText.plain(value).isEmpty()) {
            problems.put(field, message);
        }
    }

    /** The parameters, with the id last when updating. */
    private static Object[] withId(@Nullable Long id, Object... params) {
        if (id == null) {
            return params;
        }
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = id;
        return all;
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : RichText.plain(s);
    }

    private static TextPage textPage(Readable r) {
        return new TextPage(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class), r.get("title", String.class),
                r.get("body_html", String.class), r.get("updated_at", OffsetDateTime.class));
    }

}
