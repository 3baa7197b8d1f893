package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What every public page shows of the portal itself: name, language, menu, parent, footer. */
public record SiteView(String code, String name, String lang, String assetBase, String homeUrl,
                       @Nullable String otherLangUrl, List<MenuItem> menu, @Nullable String parentName,
                       @Nullable String parentUrl, String footerContact, boolean ministry,
                       @Nullable String maintenanceBanner, vn.cong.content.legal.LegalNotice.Lines legal) {
}
