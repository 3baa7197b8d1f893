package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import vn.cong.ops.maintenance.MaintenanceNotice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's pages share and what changes only when its content version moves: the section
 * tree, the tenant's theme settings, its announced maintenance windows and its linked independent
 * sites.
 * Loaded once per tenant and content version (see {@link SiteStructures}).
 */
public record SiteStructure(List<SectionNode> roots, Map<Long, SectionNode> byId, Map<String, SectionNode> bySlug,
                            Map<String, String> themeSettings, List<MaintenanceNotice> maintenance,
                            List<LinkedSite> linkedSites) {

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
        return new SiteStructure(roots, Map.copyOf(byId), Map.copyOf(bySlug), Map.copyOf(themeSettings),
                List.copyOf(maintenance), List.copyOf(linkedSites));
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
