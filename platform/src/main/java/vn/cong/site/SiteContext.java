package vn.cong.site;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import vn.cong.themes.Theme;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a page model is built from for one tenant and language: turns sections and
 * rows into the view records the theme templates read.
 */
public final class SiteContext {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Tenant tenant;
    private final String lang;
    private final PublicLinks links;
    private final SiteStructure structure;
    private final Theme theme;
    private final TenantRegistry registry;
    private final Map<String, String> text;
    private final MenuTargets targets;

    public SiteContext(Tenant tenant, String lang, SiteStructure structure, Theme theme,
                       TenantRegistry registry, PublicLinks links, Map<String, String> text, MenuTargets targets) {
        this.targets = targets;
        this.tenant = tenant;
        this.lang = lang;
        this.links = links;
        this.structure = structure;
        this.theme = theme;
        this.registry = registry;
        this.text = text;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String lang() {
        return lang;
    }

    public SiteStructure structure() {
        return structure;
    }

    public Map<String, String> text() {
        return text;
    }

    public Theme theme() {
        return theme;
    }

    /** The theme's variables with this tenant's values, given to templates as {@code theme}. */
    public Map<String, String> themeValues() {
        return theme.values(structure.themeSettings());
    }

    /** The portal furniture; {@code active} marks the menu path, {@code otherLangUrl} the language switch. */
    public SiteView site(@Nullable SectionNode active, @Nullable String otherLangUrl) {
        Set<Long> activePath = new java.util.HashSet<>();
        for (SectionNode n = active; n != null; n = n.parentId() == null ? null : structure.byId().get(n.parentId())) {
            activePath.add(n.id());
        }
        List<MenuItem> menu = structure.menu().stream()
                .map(slot -> slot.section() != null ? menuItem(slot.section(), activePath, true) : linkItem(slot.link()))
                .filter(java.util.Objects::nonNull).toList();
        // the governing body (cơ quan chủ quản): the tenant's own setting, else the parent portal
        Tenant parent = tenant.parentCode() == null ? null : registry.findByCode(tenant.parentCode()).orElse(null);
        Tenant.GoverningBody body = tenant.governingBody();
        String governingName = body != null ? body.name(lang) : parent == null ? null : parent.name(lang);
        String governingUrl = body != null ? body.url() : parent == null ? null : links.tenant(parent, PublicUrls.home(lang));
        return new SiteView(tenant.code(), tenant.name(lang), lang, theme.assetBase(), PublicUrls.home(lang), otherLangUrl,
                menu, governingName, governingUrl,
                themeValues().getOrDefault("footerContact", ""), tenant.isMinistry(), structure.maintenanceBanner(lang, java.time.Instant.now()),
                structure.legal().in(lang));
    }

    private MenuItem menuItem(SectionNode node, Set<Long> activePath, boolean withChildren) {
        List<MenuItem> children = withChildren
                ? node.visibleChildren().stream().map(c -> menuItem(c, activePath, false)).toList()
                : List.of();
        return new MenuItem(node.name(lang), PublicUrls.section(lang, node.slug()), activePath.contains(node.id()), children);
    }

    /** A registry (documents, procedures, …) or an outside address in the menu; null for a registry this platform lacks. */
    @Nullable
    private MenuItem linkItem(vn.cong.themes.MenuEntry entry) {
        if (entry.isLink()) {
            return new MenuItem(entry.label(lang), entry.url(), false, List.of());
        }
        return targets.find(entry.registry())
                .map(target -> new MenuItem(text.getOrDefault(target.headingKey(), target.staffLabel()), target.url(lang), false, List.of()))
                .orElse(null);
    }

    /** Links to the visible subsections of a section page. */
    public List<MenuItem> subsections(SectionNode section) {
        return section.visibleChildren().stream()
                .map(c -> new MenuItem(c.name(lang), PublicUrls.section(lang, c.slug()), false, List.of())).toList();
    }

    public ArticleCard card(PublicContent.ArticleRow row) {
        SectionNode section = row.sectionId() == null ? null : structure.byId().get(row.sectionId());
        return new ArticleCard(row.title(), PublicUrls.article(lang, row.slug()), row.summary(), row.coverUrl(), row.coverAlt(),
                shown(row.publishedAt()), iso(row.publishedAt()),
                section == null ? null : section.name(lang), section == null ? null : PublicUrls.section(lang, section.slug()), row.coverFocus());
    }

    public List<ArticleCard> cards(List<PublicContent.ArticleRow> rows) {
        return rows.stream().map(this::card).toList();
    }

    /** Member portals hosted on the platform whose parent is this tenant, in Vietnamese alphabetical order. */
    public List<MemberLink> hostedMembers() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
        return registry.all().stream()
                .filter(t -> tenant.code().equals(t.parentCode()) && t.isServing())
                .map(t -> {
                    String host = registry.primaryHost(t);
                    return new MemberLink(t.name(lang), links.tenant(t, PublicUrls.home(lang)), host);
                })
                .sorted(Comparator.comparing(MemberLink::name, collator))
                .toList();
    }

    /** Independent member sites, only linked. */
    public List<MemberLink> independentMembers() {
        List<MemberLink> links = new ArrayList<>();
        for (SiteStructure.LinkedSite site : structure.linkedSites()) {
            links.add(new MemberLink(site.name(lang), site.url(), hostOf(site.url())));
        }
        return links;
    }

    /** The model every page template gets. */
    public Map<String, Object> model(SiteView site, String pageTitle) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("t", text);
        model.put("theme", themeValues());
        model.put("pageTitle", pageTitle);
        return model;
    }

    public static String shown(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(VietnamTime.ZONE).format(SHOWN);
    }

    public static String iso(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime().format(ISO);
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
