package vn.cong.site;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The home, section, article and member-directory pages, by path, for the theme preview. */
@Singleton
class SitePageRoutes implements PageRoutes {

    private static final Pattern SECTION = Pattern.compile("^/chuyen-muc/([^/]+)$");
    private static final Pattern ARTICLE = Pattern.compile("^/bai-viet/([^/]+)$");

    private final HomeController home;
    private final SectionController sections;
    private final ArticleController articles;

    SitePageRoutes(HomeController home, SectionController sections, ArticleController articles) {
        this.home = home;
        this.sections = sections;
        this.articles = articles;
    }

    @Override
    public Optional<PublicPage> page(String lang, String path, Map<String, String> query) {
        if (path.equals("/")) {
            return Optional.of(new PublicPage(PublicUrls.home(lang), home::home));
        }
        if (path.equals("/don-vi")) {
            return Optional.of(new PublicPage(PublicUrls.directory(lang), DirectoryController::model));
        }
        Matcher section = SECTION.matcher(path);
        if (section.matches()) {
            return sections.page(lang, section.group(1), query.get("trang"));
        }
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            return articles.page(lang, article.group(1));
        }
        return Optional.empty();
    }
}
