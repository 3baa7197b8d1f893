package vn.cong.content;

import jakarta.inject.Singleton;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.manifest.TenantManifest.ArticleSpec;
import vn.cong.tenancy.manifest.TenantManifest.SectionSpec;

import java.time.OffsetDateTime;
import java.util.List;
import java.time.Clock;

/**
 * Brings a tenant's sections and initial articles in line with its manifest: adds what is missing,
 * renames and reorders sections (not those the tenant's staff have changed since: the staff area owns them
 * then), never deletes, never overwrites an article that already exists.
 */
@Singleton
public class ContentProvisioning {

    private final TenantDatabase db;
    private final Clock clock;

    public ContentProvisioning(TenantDatabase db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    /** @return the number of sections added or changed */
    public Mono<Long> ensureSections(Tenant tenant, List<SectionSpec> sections) {
        return db.mono(tenant, c -> upsertAll(c, sections, null)).defaultIfEmpty(0L);
    }

    private Mono<Long> upsertAll(TenantTx c, List<SectionSpec> sections, Long parentId) {
        return Flux.range(0, sections.size())
                .concatMap(i -> upsert(c, sections.get(i), parentId, i))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> upsert(TenantTx c, SectionSpec s, Long parentId, int position) {
        return c.one("""
                        INSERT INTO sections (parent_id, slug, name_vi, name_en, position) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (slug) DO UPDATE SET parent_id = excluded.parent_id, name_vi = excluded.name_vi,
                            name_en = excluded.name_en, position = excluded.position
                        WHERE sections.staff_edited_at IS NULL
                          AND (sections.parent_id, sections.name_vi, sections.name_en, sections.position)
                              IS DISTINCT FROM (excluded.parent_id, excluded.name_vi, excluded.name_en, excluded.position)
                        RETURNING id""", r -> r.get(0, Long.class),
                        Sql.orNull(parentId, Long.class), s.slug(), s.name().vi(), s.name().en(), position)
                .map(id -> new long[]{id, 1})
                .switchIfEmpty(c.one("SELECT id FROM sections WHERE slug = $1", r -> new long[]{r.get(0, Long.class), 0}, s.slug()))
                .flatMap(idAndChange -> upsertAll(c, s.children(), idAndChange[0]).map(n -> n + idAndChange[1]));
    }

    /**
     * Inserts the manifest's articles that do not exist yet, as published items, each fingerprinted
     * and logged like anything the workflow publishes. @return how many were added
     */
    public Mono<Long> ensureArticles(Tenant tenant, List<ArticleSpec> articles) {
        if (articles.isEmpty()) {
            return Mono.just(0L);
        }
        return db.mono(tenant, c -> Flux.fromIterable(articles).concatMap(a -> c.one("""
                                INSERT INTO content_items (kind, section_id, language, slug, title, summary, body_html, source,
                                                           featured, state, published_at)
                                SELECT 'article', s.id, $1, $2, $3, $4, $5, $6, $7, 'published', $8
                                FROM sections s WHERE s.slug = $9
                                ON CONFLICT (language, slug) DO NOTHING
                                RETURNING id""", r -> r.get(0, Long.class),
                        a.language(), a.slug(), RichText.plain(a.title()), RichText.plain(a.summary()), RichText.sanitize(a.body()),
                        Sql.orNull(a.source(), String.class), a.featured(),
                        a.publishedAt() != null ? a.publishedAt() : OffsetDateTime.now(clock), a.section())
                .flatMap(id -> PublishedFingerprint.record(c, id)
                        .flatMap(fingerprint -> ContentEvents.append(c, id, null, null, "published",
                                "Đăng từ tệp khai báo khi khởi tạo cổng", fingerprint))))
                .reduce(0L, Long::sum));
    }
}
