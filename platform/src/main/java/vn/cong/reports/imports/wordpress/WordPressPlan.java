package vn.cong.reports.imports.wordpress;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.RichText;
import vn.cong.content.Slugs;
import vn.cong.content.about.StandingRole;
import vn.cong.site.OldAddressRedirects;
import vn.cong.site.PublicUrls;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What importing an export into a tenant means, decided before anything is written (and all a dry run shows):
 * which categories become which sections (an existing one by its address or name, else a new one), which authors
 * become which accounts, which posts and pages become which items and in which state, which files to fetch, which
 * old addresses lead where, and an entry for everything with its line.
 *
 * <p>States: a published post is published; a draft, pending, private or scheduled ("future") one lands as a draft,
 * since on Cổng nothing goes online without the tenant's approval workflow (its WordPress status and time are in the
 * item's import event); trashed entries, revisions, menus and other types are skipped.
 */
final class WordPressPlan {

    private static final Set<String> UNCATEGORIZED = Set.of("uncategorized", "khong-phan-loai", "chua-phan-loai");
    private static final Set<String> NOT_PUBLIC = Set.of("draft", "pending", "private", "future");
    private static final Map<String, String> STATUS_LABELS = Map.of("draft", "bản nháp", "pending", "chờ duyệt", "private", "riêng tư",
            "future", "hẹn giờ đăng");

    /** What the tenant has already, as far as an import cares. */
    record Existing(Map<String, Long> sectionsBySlug, Map<String, String> sectionSlugsByName, Map<String, String> accountEmails,
                    Map<String, Known> items, Set<String> takenSlugs, Map<String, String> standingPages, Map<String, String> media,
                    Set<String> redirects) {
    }

    /** An item imported before: its address and state. */
    record Known(long id, String kind, String slug, String language, String state) {
    }

    record NewSection(int line, String slug, String name, @Nullable String parentSlug) {
    }

    record NewAuthor(int line, String username, String email, String name) {
    }

    /** A post or page to write; {@code role} set for an about page. */
    record Post(WxrExport.Entry entry, String externalId, String kind, String slug, String state, @Nullable String sectionSlug,
                @Nullable String username, @Nullable StandingRole role) {
    }

    record Fetch(WxrExport.Entry entry, String url) {
    }

    record Redirect(String path, String query, String target) {
    }

    final WxrExport export;
    final String source;
    final List<NewSection> sections = new ArrayList<>();
    final List<NewAuthor> authors = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<Fetch> fetches = new ArrayList<>();
    final List<Redirect> redirects = new ArrayList<>();
    final List<WordPressReport.Entry> entries = new ArrayList<>();
    final Map<Long, WxrExport.Entry> attachments = new HashMap<>();
    int unchanged;
    int skipped;
    int drafts;

    private final Existing existing;
    private final SlugTable slugTable;
    private final String host;
    private final Map<String, String> sectionOfCategory = new HashMap<>();
    private final Map<String, String> usernames = new HashMap<>();
    private final Set<String> slugsUsed = new HashSet<>();
    private final Set<String> redirectKeys = new HashSet<>();

    private WordPressPlan(WxrExport export, Existing existing, SlugTable slugTable) {
        this.export = export;
        this.existing = existing;
        this.slugTable = slugTable;
        this.host = host(export.siteUrl());
        this.source = "wordpress:" + host;
    }

    static WordPressPlan of(WxrExport export, Existing existing, SlugTable slugTable) {
        WordPressPlan plan = new WordPressPlan(export, existing, slugTable);
        plan.authors();
        plan.entries();
        return plan;
    }

    String externalId(long postId) {
        String id = "wp:" + host + ":" + postId;
        return id.length() <= 100 ? id : "wp:" + host.substring(0, 80) + ":" + postId;
    }

    @Nullable
    Known known(String externalId) {
        return existing.items().get(externalId);
    }

    private void authors() {
        Set<String> taken = new HashSet<>(existing.accountEmails().keySet());
        for (WxrExport.Author a : export.authors()) {
            String base = accountName(a.login());
            String email = RichText.plain(a.email());
            String name = RichText.plain(a.displayName()).isEmpty() ? a.login() : RichText.plain(a.displayName());
            String same = sameAuthor(base, email);
            if (same != null) {
                usernames.put(a.login(), same);
                entries.add(new WordPressReport.Entry(a.line(), "Tác giả «" + a.login() + "»", "unchanged", "Đã có tài khoản «" + same + "»."));
                continue;
            }
            String username = base;
            for (int n = 1; taken.contains(username); n++) {
                username = base + (n == 1 ? "-wp" : "-wp" + n);
            }
            taken.add(username);
            usernames.put(a.login(), username);
            authors.add(new NewAuthor(a.line(), username, email, name));
            entries.add(new WordPressReport.Entry(a.line(), "Tác giả «" + a.login() + "»", "imported", "Tài khoản «" + username
                    + "» chưa kích hoạt, không có mật khẩu: không đăng nhập được cho đến khi quản trị cổng kích hoạt và gửi liên kết đặt mật khẩu."));
        }
    }

    /** The account an earlier import made for this author (its name, or its name with -wp, -wp2, …, and the same e-mail). */
    @Nullable
    private String sameAuthor(String base, String email) {
        if (email.isEmpty()) {
            return null;
        }
        for (var account : existing.accountEmails().entrySet()) {
            String name = account.getKey();
            if ((name.equals(base) || name.matches(java.util.regex.Pattern.quote(base) + "-wp\\d*")) && account.getValue().equalsIgnoreCase(email)) {
                return name;
            }
        }
        return null;
    }

    /** An account name from a WordPress login: lower case, no marks, only letters, digits, dot, dash and underscore. */
    static String accountName(String login) {
        String s = Normalizer.normalize(login, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 56) {
            s = s.substring(0, 56);
        }
        return s.length() < 2 ? "tacgia-" + s : s;
    }

    private void entries() {
        for (WxrExport.Entry e : export.entries()) {
            if (e.type().equals("attachment")) {
                attachments.put(e.id(), e);
            }
        }
        Map<String, int[]> otherTypes = new LinkedHashMap<>();
        for (WxrExport.Entry e : export.entries()) {
            switch (e.type()) {
                case "post" -> post(e);
                case "page" -> page(e);
                case "attachment" -> attachment(e);
                default -> otherTypes.computeIfAbsent(e.type(), t -> new int[] {e.line(), 0})[1]++;
            }
        }
        otherTypes.forEach((type, at) -> {
            skipped += at[1];
            entries.add(new WordPressReport.Entry(at[0], at[1] + " mục loại «" + type + "»", "skipped",
                    "Cổng chỉ nhập bài viết (post), trang (page) và tệp đính kèm (attachment)."));
        });
        categoryRedirects();
    }

    private boolean importable(WxrExport.Entry e, String what) {
        if (e.status().equals("publish") || NOT_PUBLIC.contains(e.status())) {
            return true;
        }
        skipped++;
        entries.add(new WordPressReport.Entry(e.line(), what, "skipped", "Trạng thái «" + e.status() + "» (thùng rác, tự lưu) không được nhập."));
        return false;
    }

    private void post(WxrExport.Entry e) {
        String what = "Bài viết #" + e.id() + " «" + title(e) + "»";
        if (!importable(e, what)) {
            return;
        }
        String externalId = externalId(e.id());
        Known known = existing.items().get(externalId);
        String section = section(e);
        if (known != null) {
            unchanged++;
            entries.add(new WordPressReport.Entry(e.line(), what, "unchanged", "Đã nhập trước đây: " + PublicUrls.article(known.language(), known.slug()) + "."));
            if ("published".equals(known.state())) {
                postRedirects(e, PublicUrls.article(known.language(), known.slug()), "p");
            }
            return;
        }
        String slug = slug(e);
        String state = e.status().equals("publish") ? "published" : "draft";
        posts.add(new Post(e, externalId, "article", slug, state, section, usernames.get(e.creator()), null));
        String where = PublicUrls.article("vi", slug);
        if (state.equals("published")) {
            postRedirects(e, where, "p");
            entries.add(new WordPressReport.Entry(e.line(), what, "imported", "Bài viết đã đăng: " + where
                    + (section == null ? " (không chuyên mục)." : ", chuyên mục «" + section + "».")));
        } else {
            drafts++;
            entries.add(new WordPressReport.Entry(e.line(), what, "imported", "Bản nháp chưa công khai (trên WordPress: "
                    + STATUS_LABELS.get(e.status()) + "); biên tập viên gửi duyệt theo quy trình của cổng."));
        }
    }

    private void page(WxrExport.Entry e) {
        String what = "Trang #" + e.id() + " «" + title(e) + "»";
        if (!importable(e, what)) {
            return;
        }
        var role = slugTable.role(e.slug().isEmpty() ? title(e) : e.slug());
        if (role.isEmpty()) {
            skipped++;
            entries.add(new WordPressReport.Entry(e.line(), what, "skipped", "Bảng địa chỉ trang không có «" + e.slug()
                    + "»: thêm một dòng «" + e.slug() + " = introduction|functions|history|contacts» nếu đây là trang giới thiệu."));
            return;
        }
        String externalId = externalId(e.id());
        String target = "/gioi-thieu" + (role.get().path().isEmpty() ? "" : "/" + role.get().path());
        String holder = existing.standingPages().get(role.get().db() + "/vi");
        if (existing.items().containsKey(externalId)) {
            unchanged++;
            entries.add(new WordPressReport.Entry(e.line(), what, "unchanged", "Đã nhập trước đây: " + target + "."));
            if ("published".equals(existing.items().get(externalId).state())) {
                postRedirects(e, target, "page_id");
            }
            return;
        }
        if (holder != null || existing.takenSlugs().contains("vi/" + role.get().slug()) || !slugsUsed.add("vi/" + role.get().slug())) {
            skipped++;
            entries.add(new WordPressReport.Entry(e.line(), what, "skipped", "Trang «" + role.get().label("vi")
                    + "» đã có nội dung trên cổng (hoặc một trang trước trong tệp): không ghi đè."));
            return;
        }
        String state = e.status().equals("publish") ? "published" : "draft";
        posts.add(new Post(e, externalId, "page", role.get().slug(), state, null, usernames.get(e.creator()), role.get()));
        if (state.equals("published")) {
            postRedirects(e, target, "page_id");
        } else {
            drafts++;
        }
        entries.add(new WordPressReport.Entry(e.line(), what, "imported", "Trang giới thiệu «" + role.get().label("vi") + "» (" + target + ")"
                + (state.equals("published") ? "." : ", bản nháp chưa công khai.")));
    }

    private void attachment(WxrExport.Entry e) {
        String what = "Tệp #" + e.id() + " «" + title(e) + "»";
        String url = e.attachmentUrl() == null || e.attachmentUrl().isBlank() ? null : e.attachmentUrl();
        if (url == null) {
            skipped++;
            entries.add(new WordPressReport.Entry(e.line(), what, "skipped", "Không có địa chỉ tệp (wp:attachment_url)."));
            return;
        }
        String done = existing.media().get(WordPressContent.key(url));
        if (done != null) {
            entries.add(new WordPressReport.Entry(e.line(), what, "unchanged", "Đã tải trước đây: " + done + "."));
            return;
        }
        fetches.add(new Fetch(e, url));
    }

    /** The old addresses of a public file, once it has its new one. */
    void fileRedirects(WxrExport.Entry e, String target) {
        if (e.attachmentUrl() != null) {
            addRedirect(path(e.attachmentUrl()), "", target);
        }
        postRedirects(e, target, "attachment_id");
    }

    /** The entry's permalink, and {@code ?<key>=<id>} (WordPress's plain address for it). */
    private void postRedirects(WxrExport.Entry e, String target, String key) {
        String link = e.link();
        if (!link.isBlank()) {
            String query = query(link);
            String path = path(link);
            if (query.isEmpty() && !path.equals("/")) {
                addRedirect(path, "", target);
            }
        }
        addRedirect("/", key + "=" + e.id(), target);
        if (key.equals("p")) {
            addRedirect("/", "page_id=" + e.id(), target); // WordPress answers either for any entry
        }
    }

    private void categoryRedirects() {
        for (WxrExport.Category cat : export.categories()) {
            String section = sectionOfCategory.get(cat.slug());
            if (section != null) {
                String target = PublicUrls.section("vi", section);
                addRedirect("/category/" + OldAddressRedirects.normalisedPath(cat.slug()).substring(1), "", target);
                addRedirect("/", "cat=" + cat.termId(), target);
            }
        }
    }

    private void addRedirect(String path, String query, String target) {
        String p = OldAddressRedirects.normalisedPath(path);
        if (p.equals(target) || !redirectKeys.add(p + "?" + query) || existing.redirects().contains(p + "?" + query)) {
            return;
        }
        redirects.add(new Redirect(p, query, target));
    }

    /** The section of a post: of its first category, made when the tenant has none by that address or name. */
    @Nullable
    private String section(WxrExport.Entry e) {
        for (String cat : e.categories()) {
            String slug = sectionFor(cat, e.line(), 0);
            if (slug != null) {
                return slug;
            }
        }
        return null;
    }

    @Nullable
    private String sectionFor(String categorySlug, int line, int depth) {
        if (sectionOfCategory.containsKey(categorySlug)) {
            return sectionOfCategory.get(categorySlug);
        }
        WxrExport.Category cat = export.categories().stream().filter(c -> c.slug().equals(categorySlug)).findFirst().orElse(null);
        String slug = Slugs.fromTitle(categorySlug);
        if (UNCATEGORIZED.contains(slug) || depth > 10) {
            return null;
        }
        String name = cat == null || cat.name().isBlank() ? categorySlug : unescaped(cat.name());
        String found = existing.sectionsBySlug().containsKey(slug) ? slug : existing.sectionSlugsByName().get(nameKey(name));
        if (found == null) {
            String parent = cat == null || cat.parentSlug().isBlank() ? null : sectionFor(cat.parentSlug(), line, depth + 1);
            found = slug.isEmpty() ? "chuyen-muc-" + (cat == null ? line : cat.termId()) : slug;
            sections.add(new NewSection(cat == null ? line : cat.line(), found, name, parent));
            entries.add(new WordPressReport.Entry(cat == null ? line : cat.line(), "Chuyên mục «" + name + "»", "imported",
                    "Chuyên mục mới " + PublicUrls.section("vi", found) + (parent == null ? "." : ", thuộc «" + parent + "».")));
        }
        sectionOfCategory.put(categorySlug, found);
        return found;
    }

    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The article's address: its WordPress slug made plain, or its title's; the post id added when another item has it. */
    private String slug(WxrExport.Entry e) {
        String base = Slugs.fromTitle(e.slug().isEmpty() ? title(e) : e.slug());
        if (base.isEmpty()) {
            base = "bai-viet";
        }
        String slug = base;
        if (existing.takenSlugs().contains("vi/" + slug) || slugsUsed.contains("vi/" + slug)) {
            slug = base + "-" + e.id();
        }
        for (int n = 2; existing.takenSlugs().contains("vi/" + slug) || slugsUsed.contains("vi/" + slug); n++) {
            slug = base + "-" + e.id() + "-" + n;
        }
        slugsUsed.add("vi/" + slug);
        return slug;
    }

    /** WordPress keeps titles and names with HTML's escapes ({@code KH&amp;CN}); the portal keeps plain text. */
    static String unescaped(String text) {
        return RichText.plain(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'")
                .replace("&#8211;", "–").replace("&#8220;", "“").replace("&#8221;", "”").replace("&amp;", "&"));
    }

    static String title(WxrExport.Entry e) {
        String t = unescaped(e.title());
        if (t.isEmpty()) {
            return "Không có tiêu đề #" + e.id();
        }
        return t.length() > 500 ? t.substring(0, 500) : t;
    }

    static String host(String siteUrl) {
        try {
            String h = URI.create(siteUrl.strip()).getHost();
            return h == null || h.isBlank() ? "site" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "site";
        }
    }

    private static String path(String url) {
        String u = url.strip().replaceFirst("^(?i)https?://[^/]*", "");
        int q = u.indexOf('?');
        int hash = u.indexOf('#');
        int end = q >= 0 ? q : hash >= 0 ? hash : u.length();
        String p = u.substring(0, end);
        return p.isEmpty() ? "/" : p;
    }

    private static String query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    /** The distinct old addresses planned, for counting. */
    Set<String> redirectKeys() {
        Set<String> keys = new LinkedHashSet<>();
        redirects.forEach(r -> keys.add(r.path() + "?" + r.query()));
        return keys;
    }
}
