package vn.cong.content.kinds;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.content.kinds.KindDeclaration.Column;
import vn.cong.content.kinds.KindDeclaration.MenuEntry;
import vn.cong.content.kinds.PublicView.Layout;
import vn.cong.content.kinds.PublicView.ListStyle;

import java.util.List;
import java.util.Set;

/** A test-only kind that only the head of the editorial board opens: its declared roles hide its menu entry and close its screens. */
@Singleton
@Requires(property = PressReleaseKind.ENABLED, value = "true")
class LeadershipBriefKind extends PlainKind {

    static final KindDeclaration DECLARATION = new KindDeclaration("leadership_brief", "Bản tin lãnh đạo", "bản tin", "Bản tin",
            "/quan-tri/ban-tin-lanh-dao", "/ban-tin-lanh-dao", new MenuEntry(46, "Bản tin lãnh đạo", Set.of("head")),
            List.of(KindField.TITLE, KindField.SLUG, KindField.LANGUAGE, KindField.SUMMARY, KindField.BODY),
            List.of("title"), List.of(new Column("Tiêu đề")), List.of(), List.of(),
            new ListStyle("briefs", Layout.CARDS, "", List.of(), false), List.of("title", "body"), KindDeadline.EDITING);

    LeadershipBriefKind(PlainItems items) {
        super(items, DECLARATION);
    }
}
