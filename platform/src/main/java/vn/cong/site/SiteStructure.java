package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import vn.cong.ops.maintenance.MaintenanceNotice;
import vn.cong.tenancy.Tenant;
import vn.cong.themes.ThemeSelection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's pages share and what changes only when its content version moves: the section
 * tree, the tenant's theme settings (from its live theme version when one went live), its announced
 * maintenance windows and its linked independent sites.
 * Loaded once per tenant and content version (see {@link SiteStructures}).
 */
public record SiteStructure(List<SectionNode> roots, Map<Long, SectionNode> byId, Map<String, SectionNode> bySlug,
                            Map<String, String> themeSettings, List<MaintenanceNotice> maintenance,
                            List<LinkedSite> linkedSites, @Nullable ThemeSelection liveTheme,
                            vn.cong.content.legal.LegalNotice legal, @Nullable String citation) {

    /** An independent member site, only linked (platform.linked_sites). */
    public record LinkedSite(String nameVi, String nameEn, String url) {
        public String name(String lang) {
            return "en".equals(lang) ? nameEn : nameVi;
        }
    }

    /** A row of the sections table. */
    public record SectionRow(long id, Long parentId, String slug, String nameVi, String nameEn, String description,
                             boolean visible) {
    }

    /** Builds the tree from rows already in display order. */
    public static SiteStructure of(List<SectionRow> rows, Map<String, String> themeSettings,
                                   List<MaintenanceNotice> maintenance, List<LinkedSite> linkedSites) {
        return of(rows, themeSettings, maintenance, linkedSites, null);
    }

    /** The same, with the tenant's live theme version (null: the manifest's theme and settings). */
    public static SiteStructure of(List<SectionRow> rows, Map<String, String> themeSettings,
                                   List<MaintenanceNotice> maintenance, List<LinkedSite> linkedSites,
                                   @Nullable ThemeSelection liveTheme) {
        return of(rows, themeSettings, maintenance, linkedSites, liveTheme, vn.cong.content.legal.LegalNotice.EMPTY);
    }

    /** The same, with the footer's legal block. */
    public static SiteStructure of(List<SectionRow> rows, Map<String, String> themeSettings,
                                   List<MaintenanceNotice> maintenance, List<LinkedSite> linkedSites,
                                   @Nullable ThemeSelection liveTheme, vn.cong.content.legal.LegalNotice legal) {
        Map<Long, List<SectionRow>> childrenOf = new HashMap<>();
        List<SectionRow> top = new ArrayList<>();
        for (SectionRow r : rows) {
            if (r.parentId() == null) {
                top.add(r);
            } else {
                childrenOf.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, SectionNode> byId = new LinkedHashMap<>();
        List<SectionNode> roots = top.stream().map(r -> build(r, childrenOf, byId)).toList();
        Map<String, SectionNode> bySlug = new HashMap<>();
        byId.values().forEach(n -> bySlug.put(n.slug(), n));
        return new SiteStructure(roots, Map.copyOf(byId), Map.copyOf(bySlug),
                Map.copyOf(liveTheme == null ? themeSettings : liveTheme.values()),
                List.copyOf(maintenance), List.copyOf(linkedSites), liveTheme, legal, null);
    }

    /** This structure with the tenant's citation rule for reuse (its profile's {@code citation} value). */
    public SiteStructure withCitation(@Nullable String code) {
        return new SiteStructure(roots, byId, bySlug, themeSettings, maintenance, linkedSites, liveTheme, legal, code);
    }

    /** This structure as a theme version would show it: for staff previews, never for cached pages. */
    public SiteStructure withTheme(ThemeSelection selection) {
        return new SiteStructure(roots, byId, bySlug, selection.values(), maintenance, linkedSites, selection, legal, citation);
    }

    /** The theme the tenant's pages use: the live version's, else the one its manifest names. */
    public String themeName(Tenant tenant) {
        return liveTheme == null ? tenant.theme() : liveTheme.theme();
    }

    /** The top-level sections of the main menu, in its order (registries and outside links left out). */
    public List<SectionNode> menuRoots() {
        return menu().stream().map(MenuSlot::section).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * One place of the main menu: a top-level section, or (from a theme version) a registry or an outside
     * link, whose entry carries what it leads to.
     */
    public record MenuSlot(@Nullable SectionNode section, @Nullable vn.cong.themes.MenuEntry link) {
    }

    /**
     * The main menu in the order the theme version gives: its shown sections (visible, top-level), registries
     * and outside links; sections it does not know (added later) follow in their own order.
     */
    public List<MenuSlot> menu() {
        List<SectionNode> visible = roots.stream().filter(SectionNode::visible).toList();
        if (liveTheme == null || liveTheme.menu().isEmpty()) {
            return visible.stream().map(n -> new MenuSlot(n, null)).toList();
        }
        List<MenuSlot> slots = new ArrayList<>();
        java.util.Set<Long> placed = new java.util.HashSet<>();
        for (var entry : liveTheme.menu()) {
            if (entry.isSection()) {
                SectionNode node = byId.get(entry.sectionId());
                if (node != null && node.parentId() == null && node.visible() && placed.add(node.id()) && entry.shown()) {
                    slots.add(new MenuSlot(node, null));
                }
            } else if (entry.shown()) {
                slots.add(new MenuSlot(null, entry));
            }
        }
        visible.stream().filter(n -> !placed.contains(n.id())).forEach(n -> slots.add(new MenuSlot(n, null)));
        return slots;
    }

    private static SectionNode build(SectionRow r, Map<Long, List<SectionRow>> childrenOf, Map<Long, SectionNode> byId) {
        List<SectionNode> children = childrenOf.getOrDefault(r.id(), List.of()).stream()
                .map(c -> build(c, childrenOf, byId)).toList();
        SectionNode node = new SectionNode(r.id(), r.parentId(), r.slug(), r.nameVi(), r.nameEn(), r.description(),
                r.visible(), children);
        byId.put(node.id(), node);
        return node;
    }

    /** The section and all its descendants: a section page lists the articles of its subsections too. */
    public Long[] subtreeIds(SectionNode section) {
        List<Long> ids = new ArrayList<>();
        collect(section, ids);
        return ids.toArray(Long[]::new);
    }

    private static void collect(SectionNode node, List<Long> ids) {
        ids.add(node.id());
        node.children().forEach(c -> collect(c, ids));
    }

    /**
     * The maintenance banner in {@code lang} at {@code now}: from the lead time before a window until
     * it ends. Its boundaries move the content version, so a cached page never outlives its banner.
     */
    @Nullable
    public String maintenanceBanner(String lang, Instant now) {
        return MaintenanceNotice.bannerAt(maintenance, lang, now);
    }

    /** The top-level section a section belongs to (itself when it is top-level). */
    public SectionNode rootOf(SectionNode section) {
        SectionNode node = section;
        while (node.parentId() != null && byId.containsKey(node.parentId())) {
            node = byId.get(node.parentId());
        }
        return node;
    }

    /** Whether a section and all its ancestors are visible. */
    public boolean isPublic(SectionNode section) {
        SectionNode node = section;
        while (node != null) {
            if (!node.visible()) {
                return false;
            }
            node = node.parentId() == null ? null : byId.get(node.parentId());
        }
        return true;
    }
}
