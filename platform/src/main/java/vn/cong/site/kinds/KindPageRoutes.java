package vn.cong.site.kinds;

import jakarta.inject.Singleton;
import vn.cong.site.PageRoutes;
import vn.cong.site.PublicPage;

import java.util.Map;
import java.util.Optional;

/** The content kinds' list and item pages and the about pages, by path, for the theme preview. */
@Singleton
class KindPageRoutes implements PageRoutes {

    private final KindPagesController kinds;
    private final AboutController about;

    KindPageRoutes(KindPagesController kinds, AboutController about) {
        this.kinds = kinds;
        this.about = about;
    }

    @Override
    public Optional<PublicPage> page(String lang, String path, Map<String, String> q) {
        if (path.equals("/gioi-thieu")) {
            return about.aboutPage(lang, "");
        }
        var list = kinds.kindAt(path);
        if (list.isPresent()) {
            return kinds.listPage(list.get(), lang, q);
        }
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String parent = path.substring(0, slash);
        String last = path.substring(slash + 1);
        if (parent.equals("/gioi-thieu")) {
            return about.aboutPage(lang, last);
        }
        return kinds.kindAt(parent).flatMap(kind -> kinds.itemPage(kind, lang, last));
    }
}
