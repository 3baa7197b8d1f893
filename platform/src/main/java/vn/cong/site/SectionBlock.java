package vn.cong.site;

import java.util.List;

/** A home-page block: a top-level section with its latest articles (its subsections' included). */
public record SectionBlock(String title, String url, List<ArticleCard> articles) {
}
