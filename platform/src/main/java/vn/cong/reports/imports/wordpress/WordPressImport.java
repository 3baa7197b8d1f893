package vn.cong.reports.imports.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.AuditLog;
import vn.cong.content.DraftRejected;
import vn.cong.content.RichText;
import vn.cong.content.classification.ItemOrigin;
import vn.cong.content.library.MediaLibrary;
import vn.cong.content.about.StandingRole;
import vn.cong.media.UploadRefused;
import vn.cong.reports.imports.ImportedItem;
import vn.cong.reports.imports.ItemImport;
import vn.cong.system.Sql;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings a WordPress site into a tenant (issue 14 point 7): the export file read as a stream ({@link WxrReader}), the
 * plan made against what the tenant has ({@link WordPressPlan}), then — unless it is a dry run — the attachments
 * fetched into the media library ({@link MediaDownloads}) and, in one transaction, the sections, the authors'
 * inactive accounts, the items (through the history import's path, {@link ItemImport#write}: one {@code import}
 * event each in the hash chain, a published fingerprint for the published ones), the about pages and the old
 * addresses as redirects. Importing the same file again changes nothing and says so; a file that cannot be read is
 * refused with its line before anything is written. Fetched files stay in the library if the transaction fails (and
 * are reused, not fetched again, by the next attempt).
 */
@Singleton
public class WordPressImport {

    private static final Logger LOG = LoggerFactory.getLogger(WordPressImport.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final ItemImport items;
    private final AuditLog audit;
    private final MediaLibrary library;
    private final MediaDownloads downloads;
    private final Scheduler blocking;

    WordPressImport(TenantDatabase db, PublicChanges changes, ItemImport items, AuditLog audit, MediaLibrary library,
                    MediaDownloads downloads, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.db = db;
        this.changes = changes;
        this.items = items;
        this.audit = audit;
        this.library = library;
        this.downloads = downloads;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /**
     * @param dryRun  report what would happen, write nothing, fetch nothing
     * @param slugMap the operator's lines {@code page-slug = role} added to the default table (may be empty)
     * @param source  who asked (the file's name, "console", "api"), for the audit log
     */
    public record Options(boolean dryRun, String slugMap, String source) {
    }

    /** Told as the import moves on: the step (Vietnamese), how far along, out of how many. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> {
        };

        void at(String step, int done, int total);
    }

    /** Opens the export file (read once, as a stream). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public Mono<WordPressReport> run(Tenant tenant, Source file, Options options, Progress progress) {
        List<SlugTable.Problem> problems = new ArrayList<>();
        Map<String, StandingRole> extra = SlugTable.parse(options.slugMap() == null ? "" : options.slugMap(), problems);
        if (!problems.isEmpty()) {
            return Mono.just(WordPressReport.refused(options.dryRun(), problems.get(0).line(), problems.get(0).message()));
        }
        progress.at("Đọc tệp", 0, 1);
        return Mono.fromCallable(() -> {
                    try (InputStream in = file.open()) {
                        return WxrReader.read(in);
                    }
                })
                .subscribeOn(blocking)
                .flatMap(export -> existing(tenant).map(existing -> WordPressPlan.of(export, existing, SlugTable.defaults(extra))))
                .flatMap(plan -> options.dryRun() ? dryRun(plan, progress) : apply(tenant, plan, options, progress))
                .onErrorResume(WxrRefused.class, e -> Mono.just(WordPressReport.refused(options.dryRun(), e.line(), e.getMessage())))
                .onErrorResume(IOException.class, e -> Mono.just(WordPressReport.refused(options.dryRun(), 1, "Không đọc được tệp: " + e.getMessage())));
    }

    private Mono<WordPressReport> dryRun(WordPressPlan plan, Progress progress) {
        List<WordPressReport.Entry> fetchEntries = new ArrayList<>();
        AtomicInteger fetchable = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        return Flux.fromIterable(plan.fetches)
                .concatMap(f -> downloads.problem(f.url()).doOnNext(problem -> {
                    progress.at("Kiểm tra địa chỉ tệp", done.incrementAndGet(), plan.fetches.size());
                    if (problem.isPresent()) {
                        fetchEntries.add(new WordPressReport.Entry(f.entry().line(), fileSubject(f.entry()), "failed", problem.get()));
                    } else {
                        fetchable.incrementAndGet();
                        fetchEntries.add(new WordPressReport.Entry(f.entry().line(), fileSubject(f.entry()), "imported", "Sẽ tải " + f.url() + "."));
                    }
                }))
                .then(Mono.fromSupplier(() -> report(plan, true, fetchable.get(), fetchEntries.stream().filter(e -> e.outcome().equals("failed")).count(),
                        plan.authors.size(), plan.sections.size(), plan.redirectKeys().size(), fetchEntries)));
    }

    private Mono<WordPressReport> apply(Tenant tenant, WordPressPlan plan, Options options, Progress progress) {
        List<WordPressReport.Entry> fetchEntries = new ArrayList<>();
        Map<String, String> fetched = new HashMap<>();
        AtomicInteger done = new AtomicInteger();
        int total = plan.fetches.size();
        progress.at("Tải tệp", 0, total);
        return Flux.fromIterable(plan.fetches)
                .concatMap(f -> fetch(tenant, f).doOnNext(result -> {
                    progress.at("Tải tệp", done.incrementAndGet(), total);
                    fetchEntries.add(result.entry());
                    if (result.url() != null) {
                        fetched.put(WordPressContent.key(f.url()), result.url());
                    }
                }))
                .then(Mono.defer(() -> {
                    progress.at("Ghi vào cổng", 0, 1);
                    return write(tenant, plan, fetched, options.source());
                }))
                .flatMap(written -> db.analyse(tenant).thenReturn(written))
                .map(written -> {
                    progress.at("Xong", 1, 1);
                    long failed = fetchEntries.stream().filter(e -> e.outcome().equals("failed")).count();
                    return report(plan, false, fetched.size(), failed, written.authors(), written.sections(), written.redirects(), fetchEntries);
                });
    }

    private record FetchResult(WordPressReport.Entry entry, @Nullable String url) {
    }

    /** Fetches one file into the media library (its title as the text alternative) and remembers where it came from. */
    private Mono<FetchResult> fetch(Tenant tenant, WordPressPlan.Fetch f) {
        String subject = fileSubject(f.entry());
        String alt = f.entry().metaValue("_wp_attachment_image_alt").isEmpty() ? WordPressPlan.title(f.entry())
                : RichText.plain(f.entry().metaValue("_wp_attachment_image_alt"));
        String caption = RichText.plain(f.entry().excerpt().replaceAll("<[^>]+>", ""));
        return downloads.fetch(f.url()).flatMap(got -> {
            if (!got.ok()) {
                return Mono.just(new FetchResult(new WordPressReport.Entry(f.entry().line(), subject, "failed", f.url() + ": " + got.problem()), null));
            }
            return library.upload(tenant, got.fileName(), got.bytes(), alt.length() > 500 ? alt.substring(0, 500) : alt,
                            caption.length() > 500 ? caption.substring(0, 500) : caption, null)
                    .flatMap(file -> db.mono(tenant, c -> c.update("INSERT INTO imported_media (source_url, media_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                    WordPressContent.key(f.url()), file.id()))
                            .thenReturn(new FetchResult(new WordPressReport.Entry(f.entry().line(), subject, "imported",
                                    "Đã tải vào thư viện tư liệu: " + file.url() + "."), file.url())))
                    .onErrorResume(e -> e instanceof UploadRefused || e instanceof DraftRejected, e -> Mono.just(new FetchResult(
                            new WordPressReport.Entry(f.entry().line(), subject, "failed", f.url() + ": " + refusal(e)), null)));
        });
    }

    private static String refusal(Throwable e) {
        if (e instanceof DraftRejected d) {
            return String.join(" ", d.problems().values());
        }
        return e.getMessage();
    }

    private record Written(int sections, int authors, int redirects) {
    }

    private Mono<Written> write(Tenant tenant, WordPressPlan plan, Map<String, String> fetched, String source) {
        return changes.inTenant(tenant, (c, publicChange) -> media(c).flatMap(media -> {
            media.putAll(fetched);
            for (WxrExport.Entry a : plan.attachments.values()) {
                String url = a.attachmentUrl() == null ? null : media.get(WordPressContent.key(a.attachmentUrl()));
                if (url != null) {
                    plan.fileRedirects(a, url);
                }
            }
            return sections(c, plan, source)
                    .flatMap(sections -> authors(c, plan, source).flatMap(authors -> ids(c)
                            .flatMap(ids -> items.write(c, itemsOf(plan, ids, media), plan.source))
                            .flatMap(added -> standingPages(c, plan, added))
                            .then(redirects(c, plan))
                            .flatMap(redirects -> {
                                Written w = new Written(sections, authors, redirects);
                                boolean changed = sections + authors + redirects + fetched.size() > 0
                                        || !plan.posts.isEmpty();
                                if (!changed) {
                                    return Mono.just(w);
                                }
                                Map<String, Object> details = new LinkedHashMap<>();
                                details.put("source", source);
                                details.put("site", plan.export.siteUrl());
                                details.put("items", plan.posts.size());
                                details.put("sections", sections);
                                details.put("authors", authors);
                                details.put("media", fetched.size());
                                details.put("redirects", redirects);
                                LOG.info("Tenant {}: WordPress import of {}: {}", tenant.code(), plan.export.siteUrl(), details);
                                return audit.record(c, null, "wordpress.imported", details).then(publicChange.pagesOf(tenant)).thenReturn(w);
                            })));
        }));
    }

    /** Sections for the categories, parents first; each audited as a section added by hand would be. */
    private Mono<Integer> sections(TenantTx c, WordPressPlan plan, String source) {
        return Flux.fromIterable(plan.sections).concatMap(s -> c.query("""
                                INSERT INTO sections (parent_id, slug, name_vi, name_en, position, staff_edited_at)
                                VALUES ((SELECT id FROM sections WHERE slug = $1), $2, $3, $3,
                                        (SELECT coalesce(max(position), 0) + 10 FROM sections
                                         WHERE parent_id IS NOT DISTINCT FROM (SELECT id FROM sections WHERE slug = $1)), now())
                                ON CONFLICT (slug) DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                        Sql.orNull(s.parentSlug(), String.class), s.slug(), s.name())
                        .collectList().flatMapMany(Flux::fromIterable) // the insert's result is read whole before the next statement
                        .concatMap(id -> audit.record(c, null, "section.add", Map.of("section_id", id, "slug", s.slug(), "name", s.name(),
                                "source", source, "from", plan.source))))
                .count().map(Long::intValue);
    }

    /** The authors' accounts: no password, no roles, not active, so nobody logs in with them until an admin says so. */
    private Mono<Integer> authors(TenantTx c, WordPressPlan plan, String source) {
        return Flux.fromIterable(plan.authors).concatMap(a -> c.query("""
                                INSERT INTO accounts (username, email, full_name, roles, status, password_hash)
                                VALUES ($1, $2, $3, '{}', 'dormant', NULL) ON CONFLICT (username) DO NOTHING RETURNING id""",
                        r -> r.get(0, Long.class), a.username(), a.email(), a.name())
                        .collectList().flatMapMany(Flux::fromIterable)
                        .concatMap(id -> audit.record(c, null, "account.created", Map.of("account_id", id, "username", a.username(),
                                "roles", List.of(), "credential", "none", "status", "dormant", "source", source, "from", plan.source))))
                .count().map(Long::intValue);
    }

    private record Ids(Map<String, Long> sections, Map<String, Long> accounts) {
    }

    private static Mono<Ids> ids(TenantTx c) {
        return c.query("SELECT slug, id FROM sections", r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(sections -> c.query("SELECT username, id FROM accounts", r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue).map(accounts -> new Ids(sections, accounts)));
    }

    private static List<ImportedItem> itemsOf(WordPressPlan plan, Ids ids, Map<String, String> media) {
        List<ImportedItem> list = new ArrayList<>();
        for (WordPressPlan.Post p : plan.posts) {
            WxrExport.Entry e = p.entry();
            boolean published = p.state().equals(ImportedItem.PUBLISHED);
            WxrExport.Entry thumb = plan.attachments.get(parse(e.metaValue("_thumbnail_id")));
            String cover = thumb == null || thumb.attachmentUrl() == null ? null : media.get(WordPressContent.key(thumb.attachmentUrl()));
            String coverAlt = cover == null ? null : thumb.metaValue("_wp_attachment_image_alt").isEmpty() ? WordPressPlan.title(thumb)
                    : RichText.plain(thumb.metaValue("_wp_attachment_image_alt"));
            String summary = RichText.plain(e.excerpt().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
            list.add(new ImportedItem(e.line(), p.externalId(), p.kind(), WordPressPlan.title(e), p.slug(), "vi",
                    summary.length() > 1000 ? summary.substring(0, 1000) : summary, WordPressContent.body(e.content(), media),
                    ItemOrigin.FOUND, null, null, "", p.sectionSlug() == null ? null : ids.sections().get(p.sectionSlug()), null,
                    published ? e.date() : null, p.state(), published ? e.date() : null, null, null,
                    p.username() == null ? null : ids.accounts().get(p.username()), cover, coverAlt, note(e)));
        }
        return list;
    }

    /** The import event's comment: where the item came from, its WordPress status and time. */
    private static String note(WxrExport.Entry e) {
        return "Nhập từ WordPress (" + e.link() + ", #" + e.id() + "): trạng thái «" + e.status() + "»"
                + (e.date() == null ? "" : ", " + SHOWN.format(e.date().atZoneSameInstant(VietnamTime.ZONE)));
    }

    private static Mono<Void> standingPages(TenantTx c, WordPressPlan plan, Map<String, Long> added) {
        return Flux.fromIterable(plan.posts).filter(p -> p.role() != null && added.containsKey(p.externalId()))
                .concatMap(p -> c.update("INSERT INTO standing_pages (role, language, item_id) VALUES ($1, 'vi', $2) ON CONFLICT DO NOTHING",
                        p.role().db(), added.get(p.externalId())))
                .then();
    }

    private static Mono<Integer> redirects(TenantTx c, WordPressPlan plan) {
        return Flux.fromIterable(plan.redirects).concatMap(r -> c.update("""
                        INSERT INTO old_addresses (path, query, target, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""",
                        r.path(), r.query(), r.target(), plan.source))
                .reduce(0L, Long::sum).map(Long::intValue);
    }

    private static Mono<Map<String, String>> media(TenantTx c) {
        return c.query("SELECT m.source_url, '/media/' || f.stored_path FROM imported_media m JOIN media_files f ON f.id = m.media_id",
                        r -> Map.entry(r.get(0, String.class), r.get(1, String.class)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** What the tenant has that the plan must know. */
    private Mono<WordPressPlan.Existing> existing(Tenant tenant) {
        return db.mono(tenant, c -> c.query("SELECT id, slug, name_vi FROM sections",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)}).collectList()
                .flatMap(sections -> c.query("SELECT username, email FROM accounts", r -> Map.entry(r.get(0, String.class), r.get(1, String.class)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .flatMap(accounts -> c.query("""
                                        SELECT id, kind, slug, language, state, external_id, language || '/' || slug FROM content_items""",
                                        r -> new Object[] {new WordPressPlan.Known(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                                                r.get(3, String.class), r.get(4, String.class)), r.get(5, String.class), r.get(6, String.class)})
                                .collectList()
                                .flatMap(rows -> c.query("""
                                                SELECT s.role || '/' || s.language FROM standing_pages s""", r -> r.get(0, String.class))
                                        .collectList()
                                        .flatMap(standing -> media(c).flatMap(media -> c.query("SELECT path || '?' || query FROM old_addresses",
                                                        r -> r.get(0, String.class)).collect(HashSet<String>::new, Set::add)
                                                .map(redirects -> existing(sections, accounts, rows, standing, media, redirects))))))));
    }

    private static WordPressPlan.Existing existing(List<Object[]> sections, Map<String, String> accounts, List<Object[]> rows,
                                                   List<String> standing, Map<String, String> media, Set<String> redirects) {
        Map<String, Long> bySlug = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (Object[] s : sections) {
            bySlug.put((String) s[1], (Long) s[0]);
            byName.putIfAbsent(WordPressPlan.nameKey((String) s[2]), (String) s[1]);
        }
        Map<String, WordPressPlan.Known> known = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Object[] r : rows) {
            if (r[1] != null) {
                known.put((String) r[1], (WordPressPlan.Known) r[0]);
            }
            taken.add((String) r[2]);
        }
        Map<String, String> standingPages = new HashMap<>();
        standing.forEach(s -> standingPages.put(s, s));
        return new WordPressPlan.Existing(bySlug, byName, accounts, known, taken, standingPages, media, redirects);
    }

    private static WordPressReport report(WordPressPlan plan, boolean dryRun, int media, long mediaFailed, int authors, int sections,
                                          int redirects, List<WordPressReport.Entry> fetchEntries) {
        List<WordPressReport.Entry> entries = new ArrayList<>(plan.entries);
        entries.addAll(fetchEntries);
        entries.sort(java.util.Comparator.comparingInt(WordPressReport.Entry::line));
        int pages = (int) plan.posts.stream().filter(p -> p.role() != null).count();
        var counts = new WordPressReport.Counts(plan.posts.size() - pages, plan.drafts, pages, plan.unchanged, plan.skipped, sections, authors,
                media, (int) mediaFailed, redirects);
        return new WordPressReport(dryRun, false, plan.export.siteUrl(), plan.export.version(), counts, List.copyOf(entries));
    }

    private static String fileSubject(WxrExport.Entry e) {
        return "Tệp #" + e.id() + " «" + WordPressPlan.title(e) + "»";
    }

    private static long parse(String text) {
        try {
            return text.isBlank() ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
