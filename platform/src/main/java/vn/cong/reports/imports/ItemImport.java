package vn.cong.reports.imports;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.ContentEvents;
import vn.cong.content.PublishedFingerprint;
import vn.cong.content.classification.ItemOrigin;
import vn.cong.system.Sql;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.PublicChange;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a portal's history of items (point 8 of the reports issue): CSV or JSON lines with unit, section, topic,
 * origin, genre, submission time and final state (published, or rejected with a reason), so a report can cover the
 * months before the tenant came to Cổng. Every row is checked first and every problem listed; a file with any
 * problem writes nothing. The whole file is one transaction. A row whose external id was imported before is left as
 * it is, so importing a file again changes nothing.
 *
 * <p>History is recorded as what it is, not as faked workflow steps: each item gets one {@code import} event in the
 * hash chain (to its final state, with the published fingerprint for a published item, the reason for a rejected
 * one), and a supplied item a finished run naming its unit and submission time, as a submission would have.
 */
@Singleton
public class ItemImport {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PublicChanges changes;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TenantDatabase tenantDb;

    ItemImport(PublicChanges changes, AuditLog audit, JsonMapper json, TenantDatabase tenantDb) {
        this.tenantDb = tenantDb;
        this.changes = changes;
        this.audit = audit;
        this.json = json;
    }

    /** @param source where the file came from (its name, "API"), for the audit log */
    public Mono<ImportResult> importItems(Tenant tenant, String text, String source) {
        ImportFile.Parsed parsed = ImportFile.parse(text, json);
        int rows = parsed.rows().size();
        if (rows == 0 && parsed.errors().isEmpty()) {
            return Mono.just(ImportResult.refused(0, List.of(new RowError(1, "", "Tệp không có dòng dữ liệu nào."))));
        }
        return changes.inTenant(tenant, (c, publicChange) -> lookups(c).flatMap(lookups -> {
            RowChecks checks = new RowChecks(lookups);
            checks.errors().addAll(parsed.errors());
            List<ImportedItem> items = new ArrayList<>();
            for (ImportRow row : parsed.rows()) {
                checks.check(row).ifPresent(items::add);
            }
            if (!checks.errors().isEmpty()) {
                List<RowError> sorted = checks.errors().stream()
                        .sorted(java.util.Comparator.comparingInt(RowError::line)).toList();
                return Mono.just(ImportResult.refused(rows, sorted));
            }
            return write(c, publicChange, tenant, items, source).map(added -> new ImportResult(rows, added, rows - added, List.of()));
        })).flatMap(result -> result.imported() > 0 ? tenantDb.analyse(tenant).thenReturn(result) : Mono.just(result));
    }

    private Mono<Integer> write(TenantTx c, PublicChange publicChange, Tenant tenant, List<ImportedItem> items, String source) {
        return write(c, items, source)
                .flatMap(added -> (added.isEmpty() || items.stream().noneMatch(i -> i.published() && added.containsKey(i.externalId()))
                        ? Mono.just(0L) : publicChange.pagesOf(tenant)).thenReturn(added.size()));
    }

    /**
     * Writes checked items in the caller's transaction, leaving alone every item whose external id was imported before,
     * and records the import in the audit log when it added any. The caller refreshes the public pages. Emits the
     * items it added: external id → item id, in the order given.
     */
    public Mono<Map<String, Long>> write(TenantTx c, List<ImportedItem> items, String source) {
        return c.query("SELECT external_id FROM content_items WHERE external_id = ANY($1)", r -> r.get(0, String.class),
                        (Object) items.stream().map(ImportedItem::externalId).toArray(String[]::new))
                .collect(java.util.stream.Collectors.toSet())
                .flatMap(done -> {
                    List<ImportedItem> fresh = items.stream().filter(i -> !done.contains(i.externalId())).toList();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("source", source);
                    details.put("rows", items.size());
                    details.put("imported", fresh.size());
                    Map<String, Long> added = new LinkedHashMap<>();
                    return c.one("SELECT policy_code FROM workflow_settings WHERE id = 1", r -> r.get(0, String.class))
                            .flatMap(policy -> Flux.fromIterable(fresh).concatMap(item -> insert(c, item, policy)
                                    .doOnNext(id -> added.put(item.externalId(), id))).then())
                            .then(fresh.isEmpty() ? Mono.just(0L) : audit.record(c, null, "items.imported", details))
                            .then(Mono.fromSupplier(() -> added));
                });
    }

    private static Mono<Long> insert(TenantTx c, ImportedItem i, String policy) {
        return c.one("""
                        INSERT INTO content_items (kind, section_id, language, slug, title, summary, body_html, state, published_at,
                                                   origin, topic_id, genre, received_at, external_id, created_at, created_by, updated_by,
                                                   cover_url, cover_alt)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($13, $9, now()), $15, $15, $16, $17)
                        RETURNING id""", r -> r.get(0, Long.class),
                        i.kind(), Sql.orNull(i.sectionId(), Long.class), i.language(), i.slug(), i.title(), i.summary(), i.body(), i.state(),
                        Sql.orNull(i.publishedAt(), OffsetDateTime.class), Sql.orNull(i.origin() == null ? null : i.origin().db(), String.class),
                        Sql.orNull(i.topicId(), Long.class), Sql.orNull(i.genre() == null ? null : i.genre().db(), String.class),
                        Sql.orNull(i.submittedAt(), OffsetDateTime.class), i.externalId(), Sql.orNull(i.createdBy(), Long.class),
                        Sql.orNull(i.coverUrl(), String.class), Sql.orNull(i.coverAlt(), String.class))
                .flatMap(id -> run(c, id, i, policy)
                        .then(i.published() ? PublishedFingerprint.record(c, id) : Mono.just(""))
                        .flatMap(hash -> ContentEvents.append(c, new ContentEvents.Event(id, null, null, i.state(), "import", null,
                                comment(i), i.reasonCode(), hash.isEmpty() ? null : hash)))
                        .thenReturn(id));
    }

    /** A supplied item was submitted once, by its unit (or an individual): the run the report reads the unit from. */
    private static Mono<Long> run(TenantTx c, long itemId, ImportedItem i, String policy) {
        if (i.origin() != ItemOrigin.SUPPLIED) {
            return Mono.just(0L);
        }
        return c.update("""
                        INSERT INTO workflow_runs (item_id, policy_code, status, sensitivity, required_levels, submitted_at,
                                                   submitter_unit, submitter_name, submitter_email, submitter_phone, finished_at)
                        VALUES ($1, $2, $3, 'routine', 0, $4, $5, $6, '', '', $7)""",
                itemId, policy, i.published() ? "finished" : "rejected", i.submittedAt(), i.unitName() == null ? "" : i.unitName(),
                i.submitter(), i.published() ? i.publishedAt() : i.submittedAt());
    }

    /** A rejected item's event carries its reason as a workflow rejection does (code, free text); the action says it was imported. */
    private static String comment(ImportedItem i) {
        if (i.note() != null) {
            return i.note();
        }
        if (!i.published()) {
            return i.reasonText();
        }
        return "Nhập từ lịch sử (mã " + i.externalId() + "): gửi " + SHOWN.format(i.submittedAt().atZoneSameInstant(VietnamTime.ZONE))
                + ", đăng " + SHOWN.format(i.publishedAt().atZoneSameInstant(VietnamTime.ZONE));
    }

    private static Mono<RowChecks.Lookups> lookups(TenantTx c) {
        Mono<Map<String, String>> units = c.query("SELECT name FROM org_units ORDER BY id", r -> r.get(0, String.class))
                .collectMap(RowChecks::key, n -> n, LinkedHashMap::new);
        Mono<Map<String, Long>> sections = c.query("SELECT id, slug, name_vi FROM sections ORDER BY id",
                        r -> new Object[]{r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)})
                .collectList().map(list -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    list.forEach(s -> m.putIfAbsent(RowChecks.key((String) s[1]), (Long) s[0]));
                    list.forEach(s -> m.putIfAbsent(RowChecks.key((String) s[2]), (Long) s[0]));
                    return m;
                });
        Mono<Map<String, Long>> topics = c.query("SELECT id, name FROM item_topics ORDER BY id",
                        r -> Map.entry(r.get(1, String.class), r.get(0, Long.class)))
                .collectMap(e -> RowChecks.key(e.getKey()), Map.Entry::getValue);
        Mono<Set<String>> slugs = c.query("SELECT language || '/' || slug FROM content_items WHERE external_id IS NULL",
                r -> r.get(0, String.class)).collect(HashSet::new, Set::add);
        return units.flatMap(u -> sections.flatMap(s -> topics.flatMap(t -> slugs.map(sl -> new RowChecks.Lookups(u, s, t, sl)))));
    }

    /** For callers holding a file's bytes. */
    public static Optional<String> text(byte[] bytes) {
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
