package vn.cong.site;

import java.util.List;

/** A section (chuyên mục) of a tenant's tree. */
public record SectionNode(long id, Long parentId, String slug, String nameVi, String nameEn, String description,
                          boolean visible, List<SectionNode> children) {

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameVi;
    }

    public List<SectionNode> visibleChildren() {
        return children.stream().filter(SectionNode::visible).toList();
    }
}
