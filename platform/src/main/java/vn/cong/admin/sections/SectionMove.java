package vn.cong.admin.sections;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.sections.Sections;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section just moved among its siblings, as the list shows it afterwards: where it now is, said in the notice,
 * and which of its «Lên»/«Xuống» buttons gets the focus (the one pressed, or the other once an end is reached), so a
 * keyboard user carries on from the same row.
 */
record SectionMove(String notice, String focusButton) {

    static Optional<SectionMove> of(List<Sections.Section> tree, @Nullable Long moved, @Nullable String pressed) {
        if (moved == null) {
            return Optional.empty();
        }
        return tree.stream().filter(s -> s.id() == moved && !s.archived()).findFirst().map(section -> {
            List<Sections.Section> siblings = tree.stream()
                    .filter(s -> !s.archived() && Objects.equals(s.parentId(), section.parentId())).toList();
            int place = siblings.indexOf(section) + 1;
            String where = section.parentId() == null ? "các chuyên mục cấp 1" : tree.stream()
                    .filter(s -> s.id() == section.parentId()).map(s -> "«" + s.nameVi() + "»").findFirst().orElse("chuyên mục cha");
            String button = "xuong".equals(pressed) ? (place == siblings.size() ? "len" : "xuong") : (place == 1 ? "xuong" : "len");
            return new SectionMove("Đã chuyển «" + section.nameVi() + "» đến vị trí " + place + " trên " + siblings.size() + " trong " + where + ".",
                    siblings.size() > 1 ? button + "-" + section.id() : "");
        });
    }
}
