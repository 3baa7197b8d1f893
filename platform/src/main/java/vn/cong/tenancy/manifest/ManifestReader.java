package vn.cong.tenancy.manifest;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a manifest from YAML (or JSON, its subset) into a {@link TenantManifest}, collecting every
 * field error rather than stopping at the first. Text is normalised to NFC.
 */
public final class ManifestReader {

    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern HOST = Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern THEME = Pattern.compile("^[a-z][a-z0-9-]{0,40}$");
    /** The approval policies every tenant schema is given (tenant migration V50). */
    private static final Set<String> WORKFLOWS = Set.of("most", "moha", "binhdinh", "haiphong");
    /** The regulation presets (vn.cong.workflow.RegulationPreset). */
    private static final Set<String> PROFILES = Set.of("most", "moha", "binhdinh", "haiphong");

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("code", "name", "abbreviation", "parent", "aliases", "theme",
            "sections", "admin", "linkedSites", "articles", "workflow", "accounts", "units", "domain", "governingBody", "profile", "topics");
    private static final Set<String> UNIT_KEYS = Set.of("name", "parent", "duties", "head", "email", "suppliesItems", "outside");
    private static final Set<String> GOVERNING_BODY_KEYS = Set.of("vi", "en", "url");
    private static final Set<String> ACCOUNTS_KEYS = Set.of("mfaForLeaders", "securityBriefing");
    private static final Set<String> NAME_KEYS = Set.of("vi", "en");
    private static final Set<String> SECTION_KEYS = Set.of("slug", "name", "children");
    private static final Set<String> ADMIN_KEYS = Set.of("username", "email", "password");
    private static final Set<String> LINKED_SITE_KEYS = Set.of("name", "url");
    private static final Set<String> ARTICLE_KEYS = Set.of("slug", "section", "language", "featured", "title", "summary",
            "body", "source", "publishedAt");

    private final List<FieldError> errors = new ArrayList<>();

    private ManifestReader() {
    }

    /** Parses YAML or JSON text. */
    public static ManifestResult<TenantManifest> parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            return ManifestResult.invalid(List.of(new FieldError("", "Không đọc được tệp khai báo (YAML/JSON): "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
        if (!(root instanceof Map<?, ?> map)) {
            return ManifestResult.invalid(List.of(new FieldError("", "Tệp khai báo phải là một đối tượng (mapping).")));
        }
        return fromMap(map);
    }

    /**
     * Reads an already parsed manifest (YAML, or JSON from the operator API). An invalid result still
     * carries what could be read, so the caller can check it against other tenants and report every
     * problem at once.
     */
    public static ManifestResult<TenantManifest> fromMap(Map<?, ?> map) {
        ManifestReader reader = new ManifestReader();
        TenantManifest manifest = reader.read(map);
        return reader.errors.isEmpty() ? ManifestResult.ok(manifest) : ManifestResult.partial(manifest, List.copyOf(reader.errors));
    }

    private TenantManifest read(Map<?, ?> m) {
        onlyKnownKeys(m, "", TOP_LEVEL_KEYS);
        String code = required(m, "code", CODE, "chỉ gồm chữ thường không dấu, số, dấu gạch dưới; bắt đầu bằng chữ; 2–31 ký tự");
        TenantManifest.Localized name = localized(m.get("name"), "name");
        String abbreviation = required(m, "abbreviation", LABEL, "nhãn tên miền: chữ thường không dấu, số, dấu gạch ngang");
        String parent = optional(m, "parent");
        if (parent != null && !CODE.matcher(parent).matches()) {
            error("parent", "mã đơn vị cấp trên không hợp lệ");
        }
        if (parent != null && parent.equals(code)) {
            error("parent", "đơn vị không thể là cấp trên của chính mình");
        }
        List<String> aliases = new ArrayList<>();
        List<?> rawAliases = list(m, "aliases");
        for (int i = 0; i < rawAliases.size(); i++) {
            String alias = text(rawAliases.get(i)).toLowerCase(java.util.Locale.ROOT);
            if (!HOST.matcher(alias).matches()) {
                error("aliases[" + i + "]", "tên miền không hợp lệ: " + alias);
            } else if (aliases.contains(alias)) {
                error("aliases[" + i + "]", "tên miền bị lặp: " + alias);
            } else {
                aliases.add(alias);
            }
        }
        String theme = optional(m, "theme");
        if (theme == null) {
            theme = "default";
        } else if (!THEME.matcher(theme).matches()) {
            error("theme", "tên giao diện không hợp lệ");
        }
        List<TenantManifest.SectionSpec> sections = sections(list(m, "sections"), "sections");
        TenantManifest.AdminSpec admin = admin(m.get("admin"));
        List<TenantManifest.LinkedSiteSpec> linked = linkedSites(list(m, "linkedSites"));
        if (parent != null && !linked.isEmpty()) {
            error("linkedSites", "chỉ cổng cấp bộ (không có đơn vị cấp trên) mới khai báo cổng thành viên độc lập");
        }
        List<TenantManifest.ArticleSpec> articles = articles(list(m, "articles"), sectionSlugs(sections));
        String workflow = optional(m, "workflow");
        if (workflow != null && !WORKFLOWS.contains(workflow)) {
            error("workflow", "quy trình duyệt «" + workflow + "» không có; chọn một trong: " + String.join(", ", new TreeSet<>(WORKFLOWS)));
        }
        String profile = optional(m, "profile");
        if (profile != null && !PROFILES.contains(profile)) {
            error("profile", "bộ quy định «" + profile + "» không có; chọn một trong: " + String.join(", ", new TreeSet<>(PROFILES)));
        }
        String domain = optional(m, "domain");
        if (domain != null) {
            domain = domain.toLowerCase(java.util.Locale.ROOT);
            if (parent != null) {
                error("domain", "chỉ cổng gốc (không có đơn vị cấp trên) khai báo tên miền; cổng thành viên dùng tên miền của cổng gốc");
            } else if (!HOST.matcher(domain).matches()) {
                error("domain", "tên miền không hợp lệ: " + domain);
            }
        }
        return new TenantManifest(code, name, abbreviation, parent, aliases, theme, sections, admin, linked, articles, workflow,
                accounts(m.get("accounts")), units(list(m, "units")), domain, governingBody(m.get("governingBody")), profile,
                topics(m.get("topics")));
    }

    /**
     * The tenant's topic list for the contribution report: names in order, or {@code most} for seed 004's list (kept as
     * the one name "most", which onboarding expands).
     */
    private List<String> topics(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if ("most".equals(raw)) {
            return List.of("most");
        }
        if (!(raw instanceof List<?> l)) {
            error("topics", "phải là «most» (danh sách chủ đề của Bộ KH&CN) hoặc một danh sách tên chủ đề");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            String name = l.get(i) == null ? "" : java.text.Normalizer.normalize(String.valueOf(l.get(i)), java.text.Normalizer.Form.NFC).strip();
            if (name.isEmpty() || name.length() > 200) {
                error("topics[" + i + "]", "tên chủ đề không được để trống và không dài quá 200 ký tự");
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** The tenant's units by name; a parent must be declared above its children or exist already. */
    private List<TenantManifest.UnitSpec> units(List<?> raw) {
        List<TenantManifest.UnitSpec> result = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "units[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> u)) {
                error(at, "phải là một đối tượng (name, parent, duties, head, email, suppliesItems, outside)");
                continue;
            }
            onlyKnownKeys(u, at + ".", UNIT_KEYS);
            String unitName = optional(u, "name");
            if (unitName == null || unitName.isBlank()) {
                error(at + ".name", "tên đơn vị không được để trống");
                continue;
            }
            if (!seen.add(unitName.strip().toLowerCase(java.util.Locale.ROOT))) {
                error(at + ".name", "đơn vị bị khai báo lặp: " + unitName);
            }
            String email = optional(u, "email");
            if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
                error(at + ".email", "địa chỉ thư điện tử không hợp lệ");
            }
            result.add(new TenantManifest.UnitSpec(unitName.strip(), optional(u, "parent"), optional(u, "duties"), optional(u, "head"), email,
                    unitFlag(u, "suppliesItems", at), unitFlag(u, "outside", at)));
        }
        return result;
    }

    private Boolean unitFlag(Map<?, ?> m, String key, String at) {
        Object v = m.get(key);
        if (v != null && !(v instanceof Boolean)) {
            error(at + "." + key, "phải là true hoặc false");
            return null;
        }
        return (Boolean) v;
    }

    /** Cơ quan chủ quản: names in both languages, optionally its address. */
    private TenantManifest.GoverningBodySpec governingBody(Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> g)) {
            error("governingBody", "phải là một đối tượng (vi, en, url)");
            return null;
        }
        onlyKnownKeys(g, "governingBody.", GOVERNING_BODY_KEYS);
        String vi = optional(g, "vi");
        String en = optional(g, "en");
        String url = optional(g, "url");
        if (vi == null) {
            error("governingBody.vi", "bắt buộc");
        }
        if (en == null) {
            error("governingBody.en", "bắt buộc");
        }
        if (url != null && !url.matches("^https?://[^\\s\"<>]+$")) {
            error("governingBody.url", "địa chỉ phải bắt đầu bằng http:// hoặc https://");
        }
        return new TenantManifest.GoverningBodySpec(vi, en, url);
    }

    private List<TenantManifest.SectionSpec> sections(List<?> raw, String path) {
        List<TenantManifest.SectionSpec> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> s)) {
                error(at, "chuyên mục phải là một đối tượng");
                continue;
            }
            onlyKnownKeys(s, at + ".", SECTION_KEYS);
            String slug = required(s, "slug", SLUG, "đường dẫn: chữ thường không dấu, số, nối bằng dấu gạch ngang", at + ".");
            result.add(new TenantManifest.SectionSpec(slug, localized(s.get("name"), at + ".name"),
                    sections(list(s, "children"), at + ".children")));
        }
        return result;
    }

    private List<String> sectionSlugs(List<TenantManifest.SectionSpec> sections) {
        List<String> slugs = new ArrayList<>();
        collect(sections, slugs, "sections");
        return slugs;
    }

    private void collect(List<TenantManifest.SectionSpec> sections, List<String> slugs, String path) {
        for (int i = 0; i < sections.size(); i++) {
            var s = sections.get(i);
            if (s.slug() != null && slugs.contains(s.slug())) {
                error(path + "[" + i + "].slug", "đường dẫn chuyên mục bị lặp: " + s.slug());
            }
            slugs.add(s.slug());
            collect(s.children(), slugs, path + "[" + i + "].children");
        }
    }

    private TenantManifest.AdminSpec admin(Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> a)) {
            error("admin", "phải là một đối tượng (username, email, password)");
            return null;
        }
        onlyKnownKeys(a, "admin.", ADMIN_KEYS);
        String username = required(a, "username", USERNAME, "tên đăng nhập: chữ thường không dấu, số, . _ -; 2–63 ký tự", "admin.");
        String email = required(a, "email", EMAIL, "địa chỉ thư điện tử không hợp lệ", "admin.");
        String password = optional(a, "password");
        if (password != null && password.codePointCount(0, password.length()) < 12) {
            // the same minimum as vn.cong.accounts.PasswordRules (tenancy depends on no feature)
            error("admin.password", "mật khẩu phải có ít nhất 12 ký tự");
        }
        return new TenantManifest.AdminSpec(username, email, password);
    }

    private TenantManifest.AccountsSpec accounts(Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> a)) {
            error("accounts", "phải là một đối tượng (mfaForLeaders, securityBriefing)");
            return null;
        }
        onlyKnownKeys(a, "accounts.", ACCOUNTS_KEYS);
        return new TenantManifest.AccountsSpec(flag(a, "mfaForLeaders"), flag(a, "securityBriefing"));
    }

    private Boolean flag(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof Boolean)) {
            error("accounts." + key, "phải là true hoặc false");
            return null;
        }
        return (Boolean) v;
    }

    private List<TenantManifest.LinkedSiteSpec> linkedSites(List<?> raw) {
        List<TenantManifest.LinkedSiteSpec> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "linkedSites[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> s)) {
                error(at, "phải là một đối tượng (name, url)");
                continue;
            }
            onlyKnownKeys(s, at + ".", LINKED_SITE_KEYS);
            String url = optional(s, "url");
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                error(at + ".url", "địa chỉ phải bắt đầu bằng http:// hoặc https://");
            }
            result.add(new TenantManifest.LinkedSiteSpec(localized(s.get("name"), at + ".name"), url));
        }
        return result;
    }

    private List<TenantManifest.ArticleSpec> articles(List<?> raw, List<String> sectionSlugs) {
        List<TenantManifest.ArticleSpec> result = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "articles[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> a)) {
                error(at, "bài viết phải là một đối tượng");
                continue;
            }
            onlyKnownKeys(a, at + ".", ARTICLE_KEYS);
            String slug = required(a, "slug", SLUG, "đường dẫn: chữ thường không dấu, số, nối bằng dấu gạch ngang", at + ".");
            String section = optional(a, "section");
            if (section == null || !sectionSlugs.contains(section)) {
                error(at + ".section", "chuyên mục không có trong khai báo: " + section);
            }
            String language = optional(a, "language");
            if (language == null) {
                language = "vi";
            } else if (!language.equals("vi") && !language.equals("en")) {
                error(at + ".language", "ngôn ngữ phải là vi hoặc en");
            }
            if (seen.contains(language + "/" + slug)) {
                error(at + ".slug", "đường dẫn bài viết bị lặp: " + slug);
            }
            seen.add(language + "/" + slug);
            String title = optional(a, "title");
            if (title == null) {
                error(at + ".title", "bắt buộc");
            }
            result.add(new TenantManifest.ArticleSpec(slug, section, language, Boolean.TRUE.equals(a.get("featured")),
                    title, orEmpty(optional(a, "summary")), orEmpty(optional(a, "body")), optional(a, "source"),
                    dateTime(a.get("publishedAt"), at + ".publishedAt")));
        }
        return result;
    }

    private OffsetDateTime dateTime(Object raw, String path) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Date d) {
            return d.toInstant().atOffset(java.time.ZoneOffset.ofHours(7));
        }
        try {
            return OffsetDateTime.parse(text(raw));
        } catch (DateTimeParseException e) {
            error(path, "thời điểm phải theo ISO-8601, ví dụ 2026-11-18T08:30:00+07:00");
            return null;
        }
    }

    private TenantManifest.Localized localized(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> m)) {
            error(path, "bắt buộc, gồm vi và en");
            return new TenantManifest.Localized(null, null);
        }
        onlyKnownKeys(m, path + ".", NAME_KEYS);
        String vi = optional(m, "vi");
        String en = optional(m, "en");
        if (vi == null) {
            error(path + ".vi", "bắt buộc");
        }
        if (en == null) {
            error(path + ".en", "bắt buộc");
        }
        return new TenantManifest.Localized(vi, en);
    }

    /** A misspelt key would otherwise be dropped silently (e.g. {@code alias:} for {@code aliases:}). */
    private void onlyKnownKeys(Map<?, ?> m, String prefix, Set<String> known) {
        for (Object key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                error(prefix + key, "trường không được hỗ trợ; các trường hợp lệ: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private String required(Map<?, ?> m, String key, Pattern pattern, String rule) {
        return required(m, key, pattern, rule, "");
    }

    private String required(Map<?, ?> m, String key, Pattern pattern, String rule, String prefix) {
        String value = optional(m, key);
        if (value == null) {
            error(prefix + key, "bắt buộc");
        } else if (!pattern.matcher(value).matches()) {
            error(prefix + key, "giá trị «" + value + "» không hợp lệ: " + rule);
        }
        return value;
    }

    private static String optional(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        String s = text(v).strip();
        return s.isEmpty() ? null : s;
    }

    private List<?> list(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        error(key, "phải là một danh sách");
        return List.of();
    }

    private static String text(Object v) {
        return Normalizer.normalize(String.valueOf(v), Normalizer.Form.NFC);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
