package vn.cong.content.kinds;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.content.kinds.KindDeclaration.Column;
import vn.cong.content.kinds.KindDeclaration.MenuEntry;
import vn.cong.content.kinds.PublicView.Layout;
import vn.cong.content.kinds.PublicView.ListStyle;

import java.util.List;
import java.util.Set;

/**
 * A kind that exists only in the tests, written as a new kind is: press releases (thông cáo báo chí),
 * with only the fields every item has, so this declaration is the whole of it. Present only where a
 * test asks for it, so that the other tests see the platform's own kinds.
 */
@Singleton
@Requires(property = PressReleaseKind.ENABLED, value = "true")
class PressReleaseKind extends PlainKind {

    static final String ENABLED = "cong.test.press-release-kind";

    static final KindDeclaration DECLARATION = new KindDeclaration("press_release", "Thông cáo báo chí", "thông cáo", "Thông cáo",
            "/quan-tri/thong-cao", "/thong-cao", new MenuEntry(45, "Thông cáo", Set.of()),
            List.of(KindField.TITLE, KindField.SLUG, KindField.LANGUAGE, KindField.SUMMARY, KindField.BODY.label("Nội dung thông cáo", "Text")),
            List.of("title"),
            List.of(new Column("Tiêu đề"), new Column("Cập nhật")),
            List.of(),
            List.of(),
            new ListStyle("press", Layout.CARDS, "", List.of(), false),
            List.of("title", "summary", "body"),
            KindDeadline.EDITING);

    PressReleaseKind(PlainItems items) {
        super(items, DECLARATION);
    }
}
